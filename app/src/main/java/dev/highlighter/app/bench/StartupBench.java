package dev.highlighter.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench startup}: how long commands take as a user starts them, through the {@code highlighter}
 * launcher when there is one (its class-data archive and JVM flags included): {@code --help}, a read
 * command on the embedded stack and attached to a standalone (started here in a temporary folder),
 * and where the start-up of {@code run highlights} on the embedded stack goes ({@link StartupPhases}).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Times --help, 'export' and 'models' on the embedded stack and attached to a standalone it starts, and",
                "the start-up phases of 'run highlights' (one small VOD, embedded stack): medians over --runs, with the load average."})
public class StartupBench implements Callable<Integer> {

    static final String DATE = "2026-01-01";

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each command (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--chat", paramLabel = "DIR", description = "Folder of chat CSVs; the smallest makes the day (default: $HIGHLIGHTER_SHARED_DATA or ../shared/data, lol-worlds-2019/chat).")
    Path chat;

    @Option(names = "--timeout", defaultValue = "PT5M", description = "Longest any one command may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", description = "Keep the work folder (printed) with every command's log.")
    boolean keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<String> failures = new ArrayList<>();
    private Path work;
    private Launcher launcher;
    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        out = spec.commandLine().getOut();
        work = Files.createTempDirectory("highlighter-startup");
        Path root = work.resolve("root");
        Path chatFile = ChaosBench.smallest(chatDir(), 1).get(0);
        Path day = Files.createDirectories(root.resolve("vods/bench/" + DATE));
        Files.copy(chatFile, day.resolve(chatFile.getFileName().toString().replace(".csv", ".chat.csv")));
        Files.writeString(day.resolve("_SUCCESS"), "");
        launcher = launcher();
        List<String> global = List.of("--root", root.toUri().toString());
        out.printf("Start-up bench in %s; commands through %s; load average %s%n", work, String.join(" ", launcher.prefix().subList(0, Math.min(2, launcher.prefix().size()))), load());
        out.flush();

        row("--help", times("help", List.of("--help")));

        Map<String, List<Double>> phases = new LinkedHashMap<>();
        List<Double> runWall = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Path data = work.resolve("data-" + i);
            List<String> args = with(global, "--data-dir", data.toString(), "run", "highlights", "--date", DATE, "--no-reel");
            Path log = work.resolve("run-" + i + ".log");
            double wall = time(log, args);
            if (wall < 0) {
                continue;
            }
            runWall.add(wall);
            StartupPhases.of(log).seconds().forEach((name, s) -> phases.computeIfAbsent(name, n -> new ArrayList<>()).add(s));
        }
        Path data = work.resolve("data-1");
        List<String> onData = with(global, "--data-dir", data.toString());
        row("export, embedded stack (HBase starts)", times("export-embedded", with(onData, "export", "--date", DATE)));
        row("models, embedded stack", times("models-embedded", with(onData, "models")));

        Process standalone = startStandalone(onData, data);
        if (standalone != null) {
            try {
                // not counted: a standalone just up is still busy (regions, the console's first requests); a user attaches later
                time(work.resolve("export-attached-warmup.log"), with(onData, "export", "--date", DATE));
                row("export, attached to a standalone", times("export-attached", with(onData, "export", "--date", DATE)));
                row("models, attached to a standalone", times("models-attached", with(onData, "models")));
            } finally {
                standalone.destroy(); // SIGTERM: it stops HBase and the H2 server cleanly
                if (!standalone.waitFor(2, TimeUnit.MINUTES)) {
                    standalone.destroyForcibly();
                }
            }
        }

        out.printf(Locale.ROOT, "run highlights, embedded stack, 1 VOD (median of %d):%n", runWall.size());
        for (String name : StartupPhases.NAMES) {
            if (phases.containsKey(name)) {
                out.printf(Locale.ROOT, "  %-42s %7.2f s%n", name, median(phases.get(name)));
            }
        }
        if (!runWall.isEmpty()) {
            out.printf(Locale.ROOT, "  %-42s %7.2f s%n", "whole process (job and exit included)", median(runWall));
        }
        out.printf("load average at the end %s%n", load());
        failures.forEach(f -> out.println("FAILED: " + f));
        if (keep) {
            out.println("kept " + work);
        } else {
            DayBench.deleteTree(work);
        }
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private List<Double> times(String name, List<String> args) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double s = time(work.resolve(name + "-" + i + ".log"), args);
            if (s >= 0) {
                seconds.add(s);
            }
        }
        return seconds;
    }

    /** Seconds from start to exit, or -1 (and a failure noted) when it failed or overran. */
    private double time(Path log, List<String> args) throws Exception {
        long t0 = System.nanoTime();
        Process p = launcher.command(log, args).start();
        boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!ended) {
            p.destroyForcibly().waitFor();
            failures.add(String.join(" ", args) + ": still running after " + timeout + " (log " + log + ")");
            return -1;
        }
        if (p.exitValue() != 0) {
            failures.add(String.join(" ", args) + ": exit " + p.exitValue() + " (log " + log + ")");
            return -1;
        }
        return seconds;
    }

    private Process startStandalone(List<String> onData, Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("standalone.log");
        Process p = launcher.command(log, with(onData, "standalone", "--no-scheduler", "--port", String.valueOf(port))).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Highlighter standalone is up")) {
                return p;
            }
            Thread.sleep(250);
        }
        p.destroyForcibly().waitFor();
        failures.add("standalone did not come up (log " + log + ")");
        return null;
    }

    private void row(String name, List<Double> seconds) {
        if (seconds.isEmpty()) {
            out.printf("%-40s failed%n", name);
        } else {
            StringBuilder each = new StringBuilder();
            seconds.forEach(s -> each.append(String.format(Locale.ROOT, " %.2f", s)));
            out.printf(Locale.ROOT, "%-40s median %6.2f s  (runs:%s; load %s)%n", name, median(seconds), each, load());
        }
        out.flush();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /** The launcher script that started this bench (it says where it is), else this JVM's own command. */
    private static Launcher launcher() {
        String script = System.getenv("HIGHLIGHTER_LAUNCHER");
        if (script != null && Files.isRegularFile(Path.of(script))) {
            return new Launcher(List.of("bash", script));
        }
        return Launcher.ofThisJvm();
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private Path chatDir() {
        if (chat != null) {
            return chat;
        }
        String shared = System.getenv("HIGHLIGHTER_SHARED_DATA");
        return (shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "shared", "data")).resolve("lol-worlds-2019/chat");
    }
}
