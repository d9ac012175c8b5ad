package dev.highlighter.app.bench;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.readers.chat.CsvMappingResolver;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * A night at the volume users have: N chat VODs in one date (real games copied under new ids,
 * plus a few 10-hour VODs made of games played back to back), run by the highlights job on the
 * embedded stack once per worker count, each in a JVM of its own with the launcher's 1 GB heap.
 */
@Command(name = "day", mixinStandardHelpOptions = true,
        description = {"Runs the highlights job on a generated day of N VODs with 1 and 2 workers (each in its own JVM,",
                "embedded HBase) and prints VODs/min, messages/s, peak heap and the time per stage."})
public class DayBench implements Callable<Integer> {

    static final LocalDate DATE = LocalDate.of(2026, 1, 1);
    /** How often each run samples its live heap with a full collection: a pause of a few 100 ms every 10 s (2-4%). */
    static final java.time.Duration SAMPLE_EVERY = java.time.Duration.ofSeconds(10);
    /** HeapWatch's line: the heap after any collection, and the live heap it sampled with full collections. */
    static final Pattern PEAK = Pattern.compile("Peak live heap of highlights execution \\d+: (\\d+) MB after GC, (?:not sampled|(\\d+) MB) live");

    @Option(names = "--vods", defaultValue = "200", description = "VODs in the day (default: ${DEFAULT-VALUE}).")
    int vods;

    @Option(names = "--long", defaultValue = "4", description = "Of those, 10-hour VODs made of games back to back (default: ${DEFAULT-VALUE}).")
    int longVods;

    @Option(names = "--workers", defaultValue = "1,2", split = ",", description = "Worker counts to run, each in its own JVM (default: ${DEFAULT-VALUE}).")
    List<Integer> workers;

    @Option(names = "--source", defaultValue = "../shared/data/lol-worlds-2019/chat", paramLabel = "DIR",
            description = "Real chat files to copy (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--heap", defaultValue = "1g", description = "Heap of each run (default: ${DEFAULT-VALUE}, the launcher's).")
    String heap;

    @Option(names = "--partitioning", defaultValue = "local", paramLabel = "local|kafka",
            description = {"local: the worker count is threads of the one job JVM (default).",
                    "kafka: that many worker JVMs of one slot each, with the manager, attached to a standalone process."})
    String partitioning;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "With --partitioning kafka: an existing Kafka (default: a KRaft broker inside this bench).")
    String bootstrapServers;

    @Option(names = "--keep", description = "Keep the generated day and data dirs (printed) instead of deleting them.")
    boolean keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (vods < 1 || longVods < 0 || longVods > vods) {
            throw new IllegalArgumentException("--vods must be at least 1 and --long between 0 and --vods");
        }
        if (!partitioning.equals("local") && !partitioning.equals("kafka")) {
            throw new IllegalArgumentException("--partitioning must be local or kafka, not " + partitioning);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("highlighter-day-");
        Path root = work.resolve("root");
        long messages = generate(root, out);
        Map<Integer, Run> runs = new LinkedHashMap<>();
        try (KafkaDay kafka = partitioning.equals("kafka") ? KafkaDay.start(bootstrapServers, out) : null) {
            for (int w : workers) {
                Run run = kafka == null ? run(work, root, w, out) : kafka.run(work, root, w, List.of("-Xmx" + heap), out);
                runs.put(w, run);
                report(w, run, messages, out);
            }
        }
        if (runs.containsKey(1) && runs.containsKey(2)) {
            out.printf(Locale.ROOT, "speed-up of 2 workers over 1 in this run (%s partitioning): %.2f%n", partitioning,
                    runs.get(1).seconds / runs.get(2).seconds);
        }
        if (keep) {
            out.println("kept " + work);
        } else {
            deleteTree(work);
        }
        out.flush();
        return runs.values().stream().allMatch(r -> r.status.equals("COMPLETED")) ? 0 : 1;
    }

    private void report(int w, Run run, long messages, PrintWriter out) {
        out.printf(Locale.ROOT, "workers %d: %s in %.1f s = %.1f VODs/min, %.0f messages/s, peak heap after GC %s MB,"
                        + " peak live heap %s MB (a full collection every %s)%n",
                w, run.status, run.seconds, vods / run.seconds * 60, messages / run.seconds,
                run.peakHeapMb < 0 ? "?" : String.valueOf(run.peakHeapMb), run.peakLiveMb < 0 ? "?" : String.valueOf(run.peakLiveMb), SAMPLE_EVERY);
        run.stageSeconds.forEach((stage, s) -> out.printf(Locale.ROOT, "    %-14s %8.1f s%n", stage, s));
        out.flush();
    }

    long generate(Path root, PrintWriter out) throws IOException {
        return generate(source, vods, longVods, root, out);
    }

    /** Copies real games under new ids and writes the long VODs; returns the day's message count. */
    static long generate(Path source, int vods, int longVods, Path root, PrintWriter out) throws IOException {
        List<Path> games;
        try (Stream<Path> list = Files.list(source)) {
            games = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        if (games.isEmpty()) {
            throw new IllegalArgumentException("no .csv chat files in " + source);
        }
        Path day = Files.createDirectories(root.resolve("vods/bench/" + DATE));
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Map<Path, List<ChatMessage>> read = new LinkedHashMap<>();
        for (Path game : games) {
            read.put(game, messages(fs, game));
        }
        long total = 0;
        for (int i = 0; i < vods - longVods; i++) {
            Path game = games.get(i % games.size());
            Files.copy(game, day.resolve(String.format("copy%04d-%s.chat.csv", i, game.getFileName().toString().replace(".csv", ""))));
            total += read.get(game).size();
        }
        for (int i = 0; i < longVods; i++) {
            total += writeLong(day.resolve(String.format("long%02d.chat.jsonl", i)), read, i);
        }
        Files.writeString(day.resolve("_SUCCESS"), "");
        out.printf(Locale.ROOT, "generated %d VODs (%d of them 10-hour) with %d messages under %s%n", vods, longVods, total, day);
        out.flush();
        return total;
    }

    /** Games played back to back until ten hours are filled, as one JSONL chat. */
    private static long writeLong(Path file, Map<Path, List<ChatMessage>> games, int shift) throws IOException {
        List<List<ChatMessage>> order = new ArrayList<>(games.values());
        long offset = 0;
        long written = 0;
        JsonMapper json = JsonMapper.builder().build();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; offset < Duration.ofHours(10).toMillis(); i++) {
                List<ChatMessage> game = order.get((i + shift) % order.size());
                long first = game.get(0).offsetMs();
                long last = first;
                for (ChatMessage m : game) {
                    long t = offset + m.offsetMs() - first;
                    w.write(json.writeValueAsString(Map.of("t", t / 1000.0, "user", m.user() == null ? "" : m.user(), "text", m.text())));
                    w.write('\n');
                    last = Math.max(last, m.offsetMs());
                    written++;
                }
                offset += last - first + 60_000;
            }
        }
        return written;
    }

    private static List<ChatMessage> messages(FileSystem fs, Path file) {
        ChatMessageReader reader = new ChatMessageReader(fs, new org.apache.hadoop.fs.Path(file.toUri()), null,
                CsvMappingResolver.detectFromHeader());
        List<ChatMessage> messages = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            while (true) {
                try {
                    ChatMessage m = reader.read();
                    if (m == null) {
                        break;
                    }
                    messages.add(m);
                } catch (MalformedRowException e) {
                    // a real file's bad row: the job quarantines it too
                }
            }
        } finally {
            reader.close();
        }
        messages.sort(java.util.Comparator.comparingLong(ChatMessage::offsetMs));
        return messages;
    }

    private Run run(Path work, Path root, int w, PrintWriter out) throws Exception {
        return run(work, root, w, List.of("-Xmx" + heap, "-D" + dev.highlighter.jobs.launch.HeapWatch.SAMPLE + "=" + SAMPLE_EVERY), out);
    }

    /** {@code run highlights} on the generated day in a JVM of its own with {@code w} workers, read back from its job repository. */
    static Run run(Path work, Path root, int w, List<String> jvmOptions, PrintWriter out) throws Exception {
        Path data = work.resolve("data-" + w);
        Path log = work.resolve("run-" + w + ".log");
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dhighlighter.workers=" + w);
        List<String> command = SelfLauncher.command(options,
                List.of("--root", root.toUri().toString(), "--data-dir", data.toString(), "run", "highlights", "--date", DATE.toString(), "--no-reel"));
        out.printf("running with %d worker(s), log %s%n", w, log);
        out.flush();
        return run(command, log, "jdbc:h2:file:" + data.resolve("jobrepo").toAbsolutePath() + ";ACCESS_MODE_DATA=r");
    }

    /** Runs this command line to its exit and reads its run back from the job repository at {@code jobRepository}. */
    static Run run(List<String> command, Path log, String jobRepository) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(log, StandardCharsets.ISO_8859_1); // any bytes: a log may hold a chat's broken text
        Run run = new Run();
        Matcher peak = PEAK.matcher(text);
        if (peak.find()) {
            run.peakHeapMb = Long.parseLong(peak.group(1));
            run.peakLiveMb = peak.group(2) == null ? -1 : Long.parseLong(peak.group(2));
        }
        readRepository(jobRepository, run);
        run.status = exit == 0 ? "COMPLETED" : "FAILED (exit " + exit + ", see " + log + ")";
        run.wallSeconds = wall;
        if (run.seconds <= 0) {
            run.seconds = wall;
        }
        return run;
    }

    /** The child's own job repository: the job's time and each stage's, as Spring Batch recorded them. */
    private static void readRepository(String url, Run run) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT DATEDIFF('MILLISECOND', START_TIME, END_TIME), START_TIME, END_TIME"
                    + " FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
                if (rs.next()) {
                    run.seconds = rs.getLong(1) / 1000.0;
                    run.jobStart = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                    run.jobEnd = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT STEP_NAME, DATEDIFF('MILLISECOND', START_TIME, END_TIME)"
                    + " FROM BATCH_STEP_EXECUTION WHERE STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    run.stageSeconds.merge(rs.getString(1), rs.getLong(2) / 1000.0, Double::sum);
                }
            }
            // the per-VOD worker steps (worker:vodId): how many, their summed and longest time, and their chunks
            try (ResultSet rs = c.createStatement().executeQuery("SELECT LEFT(STEP_NAME, LOCATE(':', STEP_NAME) - 1) AS WORKER, COUNT(*),"
                    + " SUM(DATEDIFF('MILLISECOND', START_TIME, END_TIME)), MAX(DATEDIFF('MILLISECOND', START_TIME, END_TIME)),"
                    + " SUM(COMMIT_COUNT), SUM(READ_COUNT), SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%:%'"
                    + " GROUP BY WORKER ORDER BY MIN(STEP_EXECUTION_ID)")) {
                while (rs.next()) {
                    run.steps.put(rs.getString(1), new StepFigures(rs.getInt(2), rs.getLong(3) / 1000.0, rs.getLong(4) / 1000.0,
                            rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One worker step over all its VODs: executions, summed and longest seconds, chunks committed, items read and written. */
    record StepFigures(int executions, double seconds, double maxSeconds, long commits, long reads, long writes) {
    }

    static final class Run {
        String status = "";
        /** The job's own time, from its repository. */
        double seconds;
        /** The child process from start to exit: JVM, Spring and HBase start-up and shutdown included. */
        double wallSeconds;
        /** The most heap in use after any collection: an occupancy, which follows the heap's size. */
        long peakHeapMb = -1;
        /** The most in use right after the sampled full collections: the live set. */
        long peakLiveMb = -1;
        final Map<String, Double> stageSeconds = new LinkedHashMap<>();
        final Map<String, StepFigures> steps = new LinkedHashMap<>();
        /** When the job ran, as its repository says (null if it did not say). */
        java.time.Instant jobStart;
        java.time.Instant jobEnd;
    }
}
