package dev.highlighter.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench chaos}: the kill -9 recovery cycles of {@link ChaosRun}, as a table. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Kills 'run highlights' with SIGKILL at seeded random points (JVM and HBase start-up included), then",
                "recovers with the plain 'run' (every other cycle 'trigger'); each export must equal a clean run's byte for byte."})
public class ChaosBench implements Callable<Integer> {

    @Option(names = "--cycles", defaultValue = "20", description = "Kill and recovery cycles (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--seed", defaultValue = "2019", description = "Seed of the kill points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--chat", paramLabel = "DIR", description = "Folder of the LoL chat CSVs (default: $HIGHLIGHTER_SHARED_DATA or ../shared/data, lol-worlds-2019/chat).")
    Path chat;

    @Option(names = "--games", defaultValue = "3", description = "How many of its games (the smallest) make the day (default: ${DEFAULT-VALUE}).")
    int games;

    @Option(names = "--work", paramLabel = "DIR", description = "An empty folder for the root, data and logs (default: a new temporary folder).")
    Path work;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Longest any one command may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--sigterm", defaultValue = "true", negatable = true,
            description = "Also stop a run with SIGTERM and time its exit (default: ${DEFAULT-VALUE}).")
    boolean sigterm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = work != null ? work : Files.createTempDirectory("highlighter-chaos");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> existing = Files.list(folder)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalArgumentException("--work " + folder + " is not empty");
                }
            }
        }
        out.println("Chaos bench in " + folder + " (logs of each cycle are kept there)");
        ChaosRun run = new ChaosRun(Launcher.ofThisJvm(), folder, smallest(chatDir(), games), LocalDate.of(2019, 10, 3), seed, timeout, out);
        ChaosRun.Report report = run.run(cycles);
        ChaosRun.Termination term = sigterm ? run.terminate() : null;
        boolean termOk = term == null || term.exitSeconds() < 30 && term.restartedAsStopped() && term.exact();
        return report.recovered() == report.cycles().size() && termOk ? 0 : 1;
    }

    private Path chatDir() {
        if (chat != null) {
            return chat;
        }
        String shared = System.getenv("HIGHLIGHTER_SHARED_DATA");
        return (shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "shared", "data")).resolve("lol-worlds-2019/chat");
    }

    /** The n smallest files of a folder: the shortest cycles that still run real games. */
    public static List<Path> smallest(Path dir, int n) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no chat folder at " + dir.toAbsolutePath().normalize() + " (give --chat)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted(Comparator.comparingLong((Path f) -> f.toFile().length()).thenComparing(Path::toString))
                    .limit(n).toList();
        }
    }
}
