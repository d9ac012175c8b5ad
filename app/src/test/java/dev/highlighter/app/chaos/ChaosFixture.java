package dev.highlighter.app.chaos;

import dev.highlighter.app.ChildJvm;
import dev.highlighter.app.bench.ChaosBench;
import dev.highlighter.app.bench.ChaosRun;
import dev.highlighter.core.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One day of three real games and its clean run, shared by the failure tests of this JVM: each
 * compares what a recovery exported with this run's export, byte for byte. The work folder is
 * {@code target/chaos}; each cycle's logs stay there.
 */
final class ChaosFixture {

    static final LocalDate DATE = LocalDate.of(2019, 10, 3);

    private static ChaosRun chaos;

    private ChaosFixture() {
    }

    static synchronized ChaosRun get() throws IOException {
        if (chaos == null) {
            Path work = Path.of("target", "chaos").toAbsolutePath();
            deleteRecursively(work);
            Files.createDirectories(work);
            chaos = new ChaosRun(ChildJvm.launcher(), work, ChaosBench.smallest(SharedData.lolChat(), 3), DATE, 7,
                    Duration.ofMinutes(5), new PrintWriter(System.out, true));
        }
        return chaos;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
