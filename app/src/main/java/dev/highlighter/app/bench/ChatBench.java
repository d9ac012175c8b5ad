package dev.highlighter.app.bench;

import dev.highlighter.app.cli.ChatFiles;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The chat path on one thread: read (format detection, parsing), message signals, and window
 * aggregation with each window's word counts, over every chat file of a folder. Each round also
 * reads the same bytes plainly through the same FileSystem (the I/O ceiling), so the ratio of
 * the two holds on a machine whose speed drifts. CPU seconds are the thread's own: on a shared
 * machine wall time also counts the time other processes held the core.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat throughput (read + signals + windows + word counts), single-threaded: messages/s, MB/s,",
                "and the ratio to a plain read of the same bytes in the same round (the I/O ceiling)."})
public class ChatBench implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of chat files, e.g. ../shared/data/lol-worlds-2019/chat.")
    Path dir;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The medians over the measured rounds. */
    public record Figures(int files, long messages, long bytes, double messagesPerSecond, double messagesPerCpuSecond,
                          double megabytesPerSecond, double plainMegabytesPerSecond, double ratioToPlainRead, String digest) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Figures f = measure(filesIn(dir), rounds, out);
        out.printf(Locale.ROOT, "chat throughput, 1 thread, %d files, %d messages, %.1f MB: median %.0f msg/s (%.0f per CPU-second), %.1f MB/s;"
                        + " plain read %.0f MB/s; chat/plain %.3f%n",
                f.files(), f.messages(), f.bytes() / 1e6, f.messagesPerSecond(), f.messagesPerCpuSecond(), f.megabytesPerSecond(),
                f.plainMegabytesPerSecond(), f.ratioToPlainRead());
        out.printf("window features digest (SHA-256 over every window's features, exact bits): %s%n", f.digest());
        out.flush();
        return 0;
    }

    static List<Path> filesIn(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no chat files in " + dir);
        }
        return files;
    }

    /** One warm-up round, then {@code rounds} measured ones, each printed; returns their medians. */
    public static Figures measure(List<Path> files, int rounds, PrintWriter out) throws IOException {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        FileSystem fs = FileSystem.getLocal(new Configuration());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        double[] plainRates = new double[rounds];
        double[] ratios = new double[rounds];
        long messages = 0;
        List<ChatWindowAggregator> last = new ArrayList<>();
        for (int round = -1; round < rounds; round++) {
            long p0 = System.nanoTime();
            long lines = plainRead(fs, files);
            double plain = (System.nanoTime() - p0) / 1e9;
            last.clear();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            messages = 0;
            for (Path file : files) {
                ChatWindowAggregator windows = ChatFiles.windows(fs, file, file.getFileName().toString(), 5_000);
                windows.features();
                messages += windows.items();
                last.add(windows);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            if (round >= 0) {
                rates[round] = messages / seconds;
                cpuRates[round] = messages / cpu;
                plainRates[round] = bytes / plain / 1e6;
                ratios[round] = plain / seconds;
                out.printf(Locale.ROOT, "round %d: %d messages in %.3f s (%.3f s CPU) = %.0f msg/s, %.0f per CPU-second, %.1f MB/s;"
                                + " plain read of the %d lines %.3f s = %.0f MB/s; chat/plain %.3f%n",
                        round + 1, messages, seconds, cpu, rates[round], cpuRates[round], bytes / seconds / 1e6, lines, plain,
                        plainRates[round], ratios[round]);
                out.flush();
            }
        }
        String digest = digest(files, last);
        return new Figures(files.size(), messages, bytes, median(rates), median(cpuRates), median(rates) * bytes / messages / 1e6,
                median(plainRates), median(ratios), digest);
    }

    /** The I/O ceiling: the same bytes through the same FileSystem, only their newlines counted. */
    static long plainRead(FileSystem fs, List<Path> files) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long lines = 0;
        for (Path file : files) {
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(file.toUri()))) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        lines += buf[i] == '\n' ? 1 : 0;
                    }
                }
            }
        }
        return lines;
    }

    /** Every window's features, keys sorted and values as exact bits: equal digests mean bit-identical figures. */
    static String digest(List<Path> files, List<ChatWindowAggregator> windows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < files.size(); i++) {
                ChatWindowAggregator w = windows.get(i);
                sha.update(("# " + files.get(i).getFileName() + " items=" + w.items() + "\n").getBytes(StandardCharsets.UTF_8));
                for (WindowFeatures wf : w.features()) {
                    StringBuilder line = new StringBuilder(wf.vodId() + " " + wf.startMs());
                    for (Map.Entry<String, Double> e : new TreeMap<>(wf.values()).entrySet()) {
                        line.append(' ').append(e.getKey()).append('=').append(Long.toHexString(Double.doubleToRawLongBits(e.getValue())));
                    }
                    sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
