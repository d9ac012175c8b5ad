package dev.highlighter.app.cli;

import dev.highlighter.app.bench.ChaosBench;
import dev.highlighter.app.bench.DayBench;
import dev.highlighter.app.bench.HBaseBench;
import dev.highlighter.app.bench.MediaBench;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks that print figures (speed targets live here, not in timed tests). {@code bench chat}
 * measures the chat path on one thread: read (format detection, parsing), message signals, and
 * window aggregation, over every chat file of a folder, reported as messages per second.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Prints performance figures.",
        subcommands = {BenchCommand.Chat.class, MediaBench.class, DayBench.class, HBaseBench.class, ChaosBench.class})
public class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "chat", mixinStandardHelpOptions = true,
            description = "Chat throughput (read + signals + windows), single-threaded, in messages per second.")
    public static class Chat implements Callable<Integer> {

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of chat files, e.g. ../shared/data/lol-worlds-2019/chat.")
        Path dir;

        @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds after one warm-up round (default: ${DEFAULT-VALUE}).")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no chat files in " + dir);
            }
            FileSystem fs = FileSystem.getLocal(new Configuration());
            PrintWriter out = spec.commandLine().getOut();
            long bytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
            double[] rates = new double[rounds];
            long messages = 0;
            for (int round = -1; round < rounds; round++) {
                long t0 = System.nanoTime();
                messages = 0;
                for (Path file : files) {
                    messages += readOne(fs, file);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (round >= 0) {
                    rates[round] = messages / seconds;
                    out.printf(Locale.ROOT, "round %d: %d messages in %.3f s = %.0f msg/s (%.1f MB/s)%n", round + 1, messages, seconds,
                            messages / seconds, bytes / seconds / 1e6);
                }
            }
            Arrays.sort(rates);
            out.printf(Locale.ROOT, "chat throughput, 1 thread, %d files, %d messages: median %.0f msg/s (min %.0f, max %.0f)%n",
                    files.size(), messages, rates[rates.length / 2], rates[0], rates[rates.length - 1]);
            out.flush();
            return 0;
        }

        private static long readOne(FileSystem fs, Path file) {
            ChatWindowAggregator windows = ChatFiles.windows(fs, file, file.getFileName().toString(), 5_000);
            windows.features();
            return windows.items();
        }
    }
}
