package dev.highlighter.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The highlights job against its own chat path: a day made of the chat files of a folder (as
 * {@code bench day} makes one), run by {@code run highlights} in a JVM of its own on the embedded
 * stack, next to {@code bench chat} on the same files in this process, in the same run.
 */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = {"Runs the highlights job on a day made of the chat files of DIR (own JVM, embedded HBase) and prints",
                "its time per stage and per step, messages/s end to end, and the ratio to `bench chat` on the same files."})
public class JobBench implements Callable<Integer> {

    private static final Pattern STAMP = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of CSV chat files, e.g. ../shared/data/lol-worlds-2019/chat.")
    Path dir;

    @Option(names = "--workers", defaultValue = "1", description = "Workers of the job (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--heap", defaultValue = "1g", description = "Heap of the job's JVM (default: ${DEFAULT-VALUE}, the launcher's).")
    String heap;

    @Option(names = "--chat-rounds", defaultValue = "3", description = "Rounds of `bench chat` on the same files (default: ${DEFAULT-VALUE}).")
    int chatRounds;

    @Option(names = "--profile", paramLabel = "FILE.jfr",
            description = "Record the job's JVM with JFR into this file and print where its CPU samples went.")
    Path profile;

    @Option(names = "--keep", description = "Keep the generated day and data dir (printed) instead of deleting them.")
    boolean keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = ChatBench.filesIn(dir).stream().filter(f -> f.toString().endsWith(".csv")).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .csv chat files in " + dir);
        }
        Path work = Files.createTempDirectory("highlighter-job-");
        Path root = work.resolve("root");
        long messages = DayBench.generate(dir, files.size(), 0, root, out);

        out.println("bench chat on the same files:");
        ChatBench.Figures chat = ChatBench.measure(files, chatRounds, out);

        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        if (profile != null) {
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=filename=" + profile.toAbsolutePath() + ",settings=profile");
        }
        DayBench.Run run = DayBench.run(work, root, workers, jvm, out);
        double rate = messages / run.seconds;
        double storage = storageSeconds(work.resolve("run-" + workers + ".log"));
        out.printf(Locale.ROOT, "job: %s, %d VODs, %d messages, %d worker(s): %.1f s of job time (%.1f s for the whole process) = %.0f msg/s end to end%n",
                run.status, files.size(), messages, workers, run.seconds, run.wallSeconds, rate);
        out.println("  stages (the job's steps, wall time):");
        run.stageSeconds.forEach((stage, s) -> out.printf(Locale.ROOT, "    %-16s %7.2f s  %5.1f%%%n", stage, s, 100 * s / run.seconds));
        out.println("  per-VOD steps (summed over VODs; chunks = commits):");
        for (Map.Entry<String, DayBench.StepFigures> e : run.steps.entrySet()) {
            DayBench.StepFigures f = e.getValue();
            out.printf(Locale.ROOT, "    %-20s %4d x, %7.2f s in all, longest %6.2f s, %6d chunks, read %8d, written %8d%n",
                    e.getKey(), f.executions(), f.seconds(), f.maxSeconds(), f.commits(), f.reads(), f.writes());
        }
        out.printf(Locale.ROOT, "bench chat on the same files: %.0f msg/s (%.0f per CPU-second); job / chat = %.3f%n",
                chat.messagesPerSecond(), chat.messagesPerCpuSecond(), rate / chat.messagesPerSecond());
        if (storage > 0 && storage < run.seconds) {
            // the embedded HBase starts on first use, inside discoverVods: a standing cluster would not be in the job's time
            double rest = messages / (run.seconds - storage);
            out.printf(Locale.ROOT, "  of the job time, %.1f s started the embedded HBase and created its tables; without them %.0f msg/s, job / chat = %.3f%n",
                    storage, rest, rest / chat.messagesPerSecond());
        }
        out.flush();
        if (profile != null && Files.exists(profile)) {
            ProfileSummary.print(profile, run.jobStart, run.jobEnd, "vod-", out);
        }
        if (keep) {
            out.println("kept " + work);
        } else {
            DayBench.deleteTree(work);
        }
        out.flush();
        return run.status.equals("COMPLETED") ? 0 : 1;
    }

    /** From "Starting the embedded HBase" to the last "Created HBase table" in the job's log, or 0 when either is missing. */
    static double storageSeconds(Path log) throws IOException {
        LocalTime start = null;
        LocalTime tables = null;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = STAMP.matcher(line);
            if (!m.lookingAt()) {
                continue;
            }
            if (line.contains("Starting the embedded HBase") && start == null) {
                start = LocalTime.parse(m.group(1));
            } else if (line.contains("Created HBase table") || line.contains("Embedded HBase is up")) {
                tables = LocalTime.parse(m.group(1));
            }
        }
        return start == null || tables == null ? 0 : Duration.between(start, tables).toMillis() / 1000.0;
    }
}
