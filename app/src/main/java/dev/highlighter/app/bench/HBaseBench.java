package dev.highlighter.app.bench;

import dev.highlighter.app.cli.ChatFiles;
import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.ScoredBatch;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.writers.PredictionWriter;
import dev.highlighter.writers.WindowFeaturesWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pipeline's HBase writers against a bare BufferedMutator, on the same cells (the c, t and p
 * families of a real day's windows), in the same run, alternating A/B so drift hits both.
 */
@Command(name = "hbase", mixinStandardHelpOptions = true,
        description = {"Writes a real day's windows (families c, t and p) through the pipeline's writers and through a",
                "bare BufferedMutator with the same cells, alternating, and prints cells/s for both and their ratio."})
public class HBaseBench implements Callable<Integer> {

    /** Rows per chunk, as the feature steps write them (WindowFlushWriter.WRITE_BATCH). */
    static final int CHUNK = 1000;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of chat files, e.g. ../shared/data/lol-worlds-2019/chat.")
    Path dir;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of each, after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    @Lazy
    Connection connection;

    @Override
    public Integer call() throws Exception {
        List<WindowFeatures> windows = new ArrayList<>();
        FileSystem fs = FileSystem.getLocal(new Configuration());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                windows.addAll(ChatFiles.windows(fs, file, "bench-" + file.getFileName().toString().replaceAll("\\..*", ""), 5_000).features());
            }
        }
        long cells = windows.stream().mapToLong(w -> w.values().size() + 2).sum();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d windows, %d cells (c, t and two p cells each)%n", windows.size(), cells);
        double[] ours = new double[rounds];
        double[] raw = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            double a = cells / time(() -> pipeline(windows));
            double b = cells / time(() -> bare(windows));
            if (round >= 0) {
                ours[round] = a;
                raw[round] = b;
                out.printf(Locale.ROOT, "round %d: writers %.0f cells/s, bare BufferedMutator %.0f cells/s, ratio %.2f%n", round + 1, a, b, a / b);
                out.flush();
            }
        }
        java.util.Arrays.sort(ours);
        java.util.Arrays.sort(raw);
        out.printf(Locale.ROOT, "median: writers %.0f cells/s, bare %.0f cells/s, ratio %.2f (target >= 0.8)%n",
                ours[rounds / 2], raw[rounds / 2], ours[rounds / 2] / raw[rounds / 2]);
        clean(windows);
        out.flush();
        return 0;
    }

    /** What the feature and inference steps do: the chat writer per chunk, then the prediction writer per chunk. */
    private void pipeline(List<WindowFeatures> windows) throws Exception {
        WindowFeaturesWriter chat = WindowFeaturesWriter.chat(connection);
        PredictionWriter predictions = new PredictionWriter(connection);
        for (int i = 0; i < windows.size(); i += CHUNK) {
            List<WindowFeatures> part = windows.subList(i, Math.min(windows.size(), i + CHUNK));
            chat.write(new Chunk<>(part));
            predictions.write(new Chunk<>(List.of(scored(part))));
        }
    }

    /** The same cells through one bare mutator, flushed once per chunk as a committed chunk must be. */
    private void bare(List<WindowFeatures> windows) throws Exception {
        BufferedMutatorParams params = new BufferedMutatorParams(HBaseSchema.WINDOWS).writeBufferSize(4L * 1024 * 1024);
        byte[] p = PredictionCodec.probabilityQualifier("bench");
        byte[] why = PredictionCodec.contributionsQualifier("bench");
        try (BufferedMutator mutator = connection.getBufferedMutator(params)) {
            for (int i = 0; i < windows.size(); i += CHUNK) {
                List<Mutation> puts = new ArrayList<>();
                for (WindowFeatures w : windows.subList(i, Math.min(windows.size(), i + CHUNK))) {
                    Put put = new Put(HBaseSchema.windowRow(w.vodId(), w.startMs()));
                    for (Map.Entry<String, Double> v : w.values().entrySet()) {
                        byte[] family = v.getKey().startsWith(HBaseSchema.TOKEN_PREFIX) ? HBaseSchema.TOKENS : HBaseSchema.CHAT;
                        put.addColumn(family, Bytes.toBytes(v.getKey()), Bytes.toBytes(v.getValue()));
                    }
                    puts.add(put);
                    puts.add(new Put(HBaseSchema.windowRow(w.vodId(), w.startMs()))
                            .addColumn(HBaseSchema.PREDICTIONS, p, Bytes.toBytes(0.5))
                            .addColumn(HBaseSchema.PREDICTIONS, why, PredictionCodec.encode(Map.of("chat_msgs_z", 0.1))));
                }
                mutator.mutate(puts);
                mutator.flush();
            }
        }
    }

    private static ScoredBatch scored(List<WindowFeatures> part) {
        List<ScoredWindow> scored = new ArrayList<>();
        for (WindowFeatures w : part) {
            scored.add(new ScoredWindow(w.vodId(), w.startMs(), 0.5, Map.of("chat_msgs_z", 0.1)));
        }
        return new ScoredBatch(part.get(0).vodId(), "bench", scored);
    }

    /** The bench's rows go again; they were written under bench- ids so no real VOD is touched. */
    private void clean(List<WindowFeatures> windows) throws Exception {
        try (Table table = connection.getTable(HBaseSchema.WINDOWS)) {
            List<Delete> deletes = new ArrayList<>();
            for (WindowFeatures w : windows) {
                deletes.add(new Delete(HBaseSchema.windowRow(w.vodId(), w.startMs())));
            }
            table.delete(deletes);
        }
    }

    private static double time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private interface Work {
        void run() throws Exception;
    }
}
