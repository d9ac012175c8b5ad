package dev.highlighter.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Crash recovery, measured the hard way: {@code run highlights} is killed with SIGKILL at seeded
 * random points, then the same plain command (every other cycle {@code trigger}, as a CronJob
 * would) must complete the date with no manual step, and its export must equal a clean run's
 * byte for byte. The kill delays are spread over the whole of a clean run, JVM and HBase
 * start-up included: one delay at random in each equal slice of it, the slices in seeded order.
 * Each cycle starts from an empty data folder, so every kill meets a first run.
 */
public final class ChaosRun {

    public static final String CHANNEL = "lolesports";

    /** One kill and its recovery. */
    public record Cycle(int number, double killAfterSeconds, String landedIn, String recovery, int exitCode,
                        double recoverySeconds, boolean exact, String note) {

        public boolean recovered() {
            return exitCode == 0 && exact;
        }
    }

    /** The clean run's duration and every cycle. */
    public record Report(double cleanSeconds, int referenceRows, List<Cycle> cycles) {

        public long recovered() {
            return cycles.stream().filter(Cycle::recovered).count();
        }

        public String summary() {
            return recovered() + " of " + cycles.size() + " recovered with exact output";
        }
    }

    private final Launcher launcher;
    private final Path work;
    private final List<Path> chatFiles;
    private final LocalDate date;
    private final long seed;
    private final Duration timeout;
    private final PrintWriter out;

    /**
     * @param work      an empty or disposable folder: the root, each cycle's data folder and logs
     * @param chatFiles the day's chat files (a few real games keep a cycle short)
     * @param timeout   how long any one command may take before it counts as hung
     */
    public ChaosRun(Launcher launcher, Path work, List<Path> chatFiles, LocalDate date, long seed, Duration timeout, PrintWriter out) {
        this.launcher = launcher;
        this.work = work.toAbsolutePath().normalize();
        this.chatFiles = List.copyOf(chatFiles);
        this.date = date;
        this.seed = seed;
        this.timeout = timeout;
        this.out = out;
    }

    /** The clean run and its export, made once: what every recovery must reproduce byte for byte. */
    public record Reference(Path root, Path export, double seconds, int rows) {
    }

    private Reference reference;

    public synchronized Reference reference() throws IOException, InterruptedException {
        if (reference != null) {
            return reference;
        }
        Path root = prepareRoot();
        Path cleanDir = Files.createDirectories(work.resolve("clean"));
        long t0 = System.nanoTime();
        int cleanExit = finish(start(cleanDir, "run", runArgs(root, cleanDir)), cleanDir, "the clean run");
        double cleanSeconds = (System.nanoTime() - t0) / 1e9;
        if (cleanExit != 0) {
            throw new IllegalStateException("the clean run failed with exit code " + cleanExit + "; see " + cleanDir.resolve("run.log"));
        }
        Path export = export(root, cleanDir);
        if (export == null) {
            throw new IllegalStateException("the clean run's export failed; see " + cleanDir.resolve("export.log"));
        }
        int rows;
        try (Stream<String> lines = Files.lines(export)) {
            rows = (int) lines.count() - 1;
        }
        deleteData(cleanDir);
        reference = new Reference(root, export, cleanSeconds, rows);
        out.printf(Locale.ROOT, "Clean run of %d chat files for %s: %.1f s, %d highlights%n", chatFiles.size(), date, cleanSeconds, rows);
        out.flush();
        return reference;
    }

    /** Kills and recoveries, printed as a table as they go. */
    public Report run(int cycles) throws IOException, InterruptedException {
        Reference clean = reference();
        out.printf("%d kill -9 cycles, seed %d%n", cycles, seed);
        out.printf("%5s  %12s  %-24s  %-8s  %4s  %10s  %s%n", "cycle", "kill after s", "landed in", "recovery", "exit", "recovery s", "exact?");
        out.flush();
        List<Cycle> results = new ArrayList<>();
        List<Double> delays = delays(cycles, clean.seconds());
        for (int i = 0; i < cycles; i++) {
            Cycle cycle = cycle(i + 1, delays.get(i), clean.root(), clean.export());
            results.add(cycle);
            out.printf(Locale.ROOT, "%5d  %12.1f  %-24s  %-8s  %4d  %10.1f  %s%n", cycle.number(), cycle.killAfterSeconds(), cycle.landedIn(),
                    cycle.recovery(), cycle.exitCode(), cycle.recoverySeconds(), cycle.exact() ? "yes" : "NO " + cycle.note());
            out.flush();
        }
        Report report = new Report(clean.seconds(), clean.rows(), results);
        out.println(report.summary());
        out.flush();
        return report;
    }

    /** A SIGTERM to a run in its first per-VOD stage, and the plain run after it. */
    public record Termination(double signalAfterSeconds, String landedIn, double exitSeconds, int exitCode, String status,
                              boolean restartedAsStopped, int recoveryExit, boolean exact) {
    }

    /**
     * Sends SIGTERM once the run has started scoring, times how long the process takes to end,
     * reads how the run ended from its own last line, then runs the plain command again.
     */
    public Termination terminate() throws IOException, InterruptedException {
        Reference clean = reference();
        Path dir = Files.createDirectories(work.resolve("sigterm"));
        Path log = dir.resolve("terminated-run.log");
        long t0 = System.nanoTime();
        Process run = start(dir, "terminated-run", runArgs(clean.root(), dir));
        Pattern scoring = Pattern.compile("progress\\s+\\w+\\.vod:\\S+ started");
        while (run.isAlive() && (System.nanoTime() - t0) < timeout.toNanos()
                && Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().noneMatch(l -> scoring.matcher(l).find())) {
            Thread.sleep(100);
        }
        double signalAfter = (System.nanoTime() - t0) / 1e9;
        String landed = RunLog.landedIn(log);
        long t1 = System.nanoTime();
        run.destroy(); // SIGTERM
        int exit = finish(run, dir, "the terminated run");
        double exitSeconds = (System.nanoTime() - t1) / 1e9;
        String status = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .map(l -> Pattern.compile("^highlights \\S+: (\\w+) in").matcher(l)).filter(Matcher::find)
                .map(m -> m.group(1)).reduce((a, b) -> b).orElse("(no status line)");
        int recoveryExit = finish(start(dir, "recovery", runArgs(clean.root(), dir)), dir, "the run after SIGTERM");
        boolean restartedAsStopped = Files.readString(dir.resolve("recovery.log"), StandardCharsets.ISO_8859_1)
                .matches("(?s).*Restarting highlights for " + date + " after execution \\d+ ended STOPPED.*");
        boolean exact = false;
        if (recoveryExit == 0) {
            Path export = export(clean.root(), dir);
            exact = export != null && Files.mismatch(export, clean.export()) == -1;
        }
        Termination t = new Termination(signalAfter, landed, exitSeconds, exit, status, restartedAsStopped, recoveryExit, exact);
        out.printf(Locale.ROOT, "SIGTERM after %.1f s (in %s): the process ended in %.1f s with exit code %d, the run %s;"
                        + " the plain run after it %s (exit %d), export %s%n", signalAfter, landed, exitSeconds, exit, status,
                restartedAsStopped ? "restarted it from STOPPED" : "did NOT restart a STOPPED run", recoveryExit,
                exact ? "exact" : "NOT exact");
        out.flush();
        if (recoveryExit == 0 && exact) {
            deleteData(dir);
        }
        return t;
    }

    /** One delay at random in each of {@code n} equal slices of the clean run, in seeded order. */
    List<Double> delays(int n, double cleanSeconds) {
        Random random = new Random(seed);
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delays.add((i + random.nextDouble()) / n * cleanSeconds);
        }
        Collections.shuffle(delays, random);
        return delays;
    }

    private Cycle cycle(int number, double delay, Path root, Path reference) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(String.format("cycle-%02d", number)));
        Process victim = start(dir, "killed-run", runArgs(root, dir));
        String note = "";
        String landed;
        if (victim.waitFor((long) (delay * 1000), TimeUnit.MILLISECONDS)) {
            // the machine ran faster than during the clean run: nothing was killed
            landed = "none: ended first (" + victim.exitValue() + ")";
        } else {
            victim.destroyForcibly(); // SIGKILL
            victim.waitFor();
            landed = RunLog.landedIn(dir.resolve("killed-run.log"));
        }
        boolean trigger = number % 2 == 0;
        List<String> args = trigger
                ? List.of("--root", root.toUri().toString(), "--data-dir", dir.resolve("data").toString(),
                "trigger", "highlights", "--logical-date", date.toString())
                : runArgs(root, dir);
        long t0 = System.nanoTime();
        int exit = finish(start(dir, "recovery", args), dir, "the recovery");
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean exact = false;
        if (exit == 0) {
            Path export = export(root, dir);
            exact = export != null && Files.mismatch(export, reference) == -1;
            note += export == null ? "export failed" : exact ? "" : "export differs: " + export;
        } else {
            note += "see " + dir.resolve("recovery.log");
        }
        if (exit == 0 && exact) {
            deleteData(dir); // the logs stay; a failed cycle keeps its data to look at
        }
        return new Cycle(number, delay, landed, trigger ? "trigger" : "run", exit, seconds, exact, note.strip());
    }

    private List<String> runArgs(Path root, Path dir) {
        return List.of("--root", root.toUri().toString(), "--data-dir", dir.resolve("data").toString(),
                "run", "highlights", "--date", date.toString(), "--no-reel");
    }

    /** The export of a finished run, or null when the export command failed. */
    private Path export(Path root, Path dir) throws IOException, InterruptedException {
        Path csv = dir.resolve("export.csv");
        int exit = finish(start(dir, "export", List.of("--root", root.toUri().toString(), "--data-dir", dir.resolve("data").toString(),
                "export", "--date", date.toString(), "--out", csv.toString())), dir, "the export");
        return exit == 0 ? csv : null;
    }

    private Process start(Path dir, String name, List<String> args) throws IOException {
        return launcher.command(dir.resolve(name + ".log"), args).start();
    }

    /** Waits for a command; one that hangs past the timeout is killed and counts as exit 124, as timeout(1) says. */
    private int finish(Process process, Path dir, String what) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            out.printf("%s in %s did not end within %s; killed%n", what, dir, timeout);
            process.destroyForcibly().waitFor();
            return 124;
        }
        return process.exitValue();
    }

    /** The day's folder with its chat files and the uploader's _SUCCESS marker (the schedule's sensor waits for it). */
    private Path prepareRoot() throws IOException {
        Path root = work.resolve("root");
        Path day = Files.createDirectories(root.resolve("vods").resolve(CHANNEL).resolve(date.toString()));
        for (Path chat : chatFiles) {
            String name = chat.getFileName().toString();
            String vodId = name.substring(0, name.indexOf('.'));
            Files.copy(chat, day.resolve(vodId + ".chat.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(day.resolve("_SUCCESS"), "");
        return root;
    }

    private static void deleteData(Path dir) throws IOException {
        Path data = dir.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
