package dev.highlighter.app.bench;

import dev.highlighter.app.standalone.StandaloneFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The day of {@link DayBench} with {@code highlighter.partitioning=kafka}, as users run it on one
 * machine: per worker count, a {@code standalone} process holding HBase, ZooKeeper and the job
 * repository's H2 server, that many {@code worker} JVMs of one slot each, and the manager's
 * {@code run highlights}, all attached to it. The broker is the one given, or a KRaft broker in
 * this process (the one the tests use), since the chart and the README expect an existing Kafka.
 */
final class KafkaDay implements AutoCloseable {

    static final Pattern WORKER_PEAK = Pattern.compile("Peak live heap of this worker: (\\d+) MB after GC, (?:not sampled|(\\d+) MB) live");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final EmbeddedKafkaKraftBroker broker;

    private KafkaDay(String bootstrapServers, EmbeddedKafkaKraftBroker broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    static KafkaDay start(String bootstrapServers, PrintWriter out) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return new KafkaDay(bootstrapServers, null);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 24);
        broker.afterPropertiesSet();
        out.println("started an in-process Kafka broker at " + broker.getBrokersAsString());
        out.flush();
        return new KafkaDay(broker.getBrokersAsString(), broker);
    }

    /** One run of the day with {@code workers} worker processes; everything it started is stopped after. */
    DayBench.Run run(Path work, Path root, int workers, List<String> jvmOptions, PrintWriter out) throws Exception {
        Path data = Files.createDirectories(work.resolve("data-kafka-" + workers));
        List<String> kafka = new ArrayList<>(jvmOptions);
        kafka.add("-D" + dev.highlighter.jobs.launch.HeapWatch.SAMPLE + "=" + DayBench.SAMPLE_EVERY);
        kafka.addAll(List.of("-Dhighlighter.partitioning=kafka", "-Dhighlighter.kafka.bootstrap-servers=" + bootstrapServers,
                "-Dhighlighter.kafka.topic=bench.day." + workers, "-Dhighlighter.kafka.group-id=bench-day-" + workers,
                "-Dhighlighter.kafka.poll-interval=PT0.5S", "-Dhighlighter.workers=1"));
        List<String> where = List.of("--root", root.toUri().toString(), "--data-dir", data.toString());
        List<Process> started = new ArrayList<>();
        try {
            Process standalone = start(jvmOptions, where, List.of("standalone", "--port", "0", "--no-scheduler"),
                    work.resolve("standalone-" + workers + ".log"), started);
            StandaloneFile storage = awaitStandalone(data, standalone);
            out.printf("standalone up (pid %d), starting %d worker JVM(s)%n", storage.pid(), workers);
            out.flush();
            List<Path> workerLogs = new ArrayList<>();
            for (int i = 1; i <= workers; i++) {
                Path log = work.resolve("worker-" + workers + "-" + i + ".log");
                workerLogs.add(log);
                start(kafka, where, List.of("worker"), log, started);
            }
            for (int i = 0; i < workers; i++) {
                awaitLog(workerLogs.get(i), "listening on topic", started.get(i + 1));
            }
            List<String> manager = new ArrayList<>(where);
            manager.addAll(List.of("run", "highlights", "--date", DayBench.DATE.toString(), "--no-reel"));
            Path log = work.resolve("run-kafka-" + workers + ".log");
            out.printf("running the manager with %d worker process(es), log %s%n", workers, log);
            out.flush();
            DayBench.Run run = DayBench.run(SelfLauncher.command(kafka, manager), log, storage.jdbcUrl(data));
            // where the cores went: on one machine the region server competes with the workers for them
            out.printf(java.util.Locale.ROOT, "    CPU seconds over the whole run: standalone (HBase, H2) %.0f, workers %s%n", cpuSeconds(started.get(0)),
                    started.subList(1, started.size()).stream().map(p -> String.format(java.util.Locale.ROOT, "%.0f", cpuSeconds(p))).toList());
            stop(started.subList(1, started.size()));
            workerPeaks(workerLogs, run);
            return run;
        } finally {
            stop(started);
        }
    }

    private static double cpuSeconds(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
    }

    private static Process start(List<String> jvmOptions, List<String> where, List<String> command, Path log, List<Process> started)
            throws IOException {
        List<String> args = new ArrayList<>(where);
        args.addAll(command);
        Process p = new ProcessBuilder(SelfLauncher.command(jvmOptions, args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    private static StandaloneFile awaitStandalone(Path data, Process standalone) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StandaloneFile> up = StandaloneFile.live(data);
            if (up.isPresent()) {
                return up.get();
            }
            if (!standalone.isAlive()) {
                throw new IllegalStateException("the standalone process ended (exit " + standalone.exitValue() + ") before it was up; see its log in "
                        + data.getParent());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the standalone process was not up within " + START_LIMIT.toMinutes() + " min");
    }

    private static void awaitLog(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(log + ": the process ended (exit " + p.exitValue() + ") before logging '" + text + "'");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(log + ": no '" + text + "' within " + START_LIMIT.toMinutes() + " min");
    }

    /** SIGTERM, as an operator would; forcibly after a minute. */
    private static void stop(List<Process> processes) throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** The largest of the workers' peaks: the VODs' memory is there (the manager only polls). */
    private static void workerPeaks(List<Path> logs, DayBench.Run run) throws IOException {
        for (Path log : logs) {
            Matcher m = WORKER_PEAK.matcher(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1));
            while (m.find()) {
                run.peakHeapMb = Math.max(run.peakHeapMb, Long.parseLong(m.group(1)));
                if (m.group(2) != null) {
                    run.peakLiveMb = Math.max(run.peakLiveMb, Long.parseLong(m.group(2)));
                }
            }
        }
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.destroy();
        }
    }
}
