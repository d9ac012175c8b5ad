package dev.highlighter.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.ChildJvm;
import dev.highlighter.app.bench.ChaosRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills mid-run: the data folder (embedded HBase and the H2 job repository) on a
 * 4 MB tmpfs, which three games fill while their chat features are written. The run must fail,
 * exit, name the disk and do so within the stated bound; once the disk is enlarged, the same
 * command completes and exports exactly what a clean run exports.
 */
class DiskFullTest {

    /**
     * README, "Failure and recovery": start-up plus HBase's two-minute operation bound plus the
     * 20 s HBase stop. The watch on the data folder makes it fail within seconds of the disk filling.
     */
    static final Duration BOUND = Duration.ofMinutes(4);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the logs of a failure stay
    Path tmp;

    @Test
    void aFullDiskFailsTheRunNamingItAndTheRunAfterSpaceIsFreedIsExact() throws Exception {
        ChaosRun.Reference clean = ChaosFixture.get().reference();
        Path data = tmp.resolve("data");
        String date = ChaosFixture.DATE.toString();
        String[] common = {"--root", clean.root().toUri().toString(), "--data-dir", data.toString()};
        try (SmallDisk disk = SmallDisk.mount(data, "4m")) {
            long t0 = System.nanoTime();
            ChildJvm.Result full = ChildJvm.run(tmp.resolve("full"), BOUND.plusMinutes(2), concat(common, "run", "highlights", "--date", date, "--no-reel"));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("Disk full: exit %d after %.1f s; stderr:%n%s%n", full.exitCode(), took.toMillis() / 1000.0, full.err());

            assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
            assertThat(took).as("from start to exit").isLessThan(BOUND);
            assertThat(full.err()).contains("the disk under " + data.toAbsolutePath().normalize() + " is full");

            disk.resize("256m");
            ChildJvm.Result again = ChildJvm.run(tmp.resolve("again"), Duration.ofMinutes(5), concat(common, "run", "highlights", "--date", date, "--no-reel"));
            assertThat(again.exitCode()).as(again.err()).isZero();
            Path export = tmp.resolve("export.csv");
            ChildJvm.Result exported = ChildJvm.run(tmp.resolve("export"), Duration.ofMinutes(5), concat(common, "export", "--date", date, "--out", export.toString()));
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            assertThat(Files.mismatch(export, clean.export())).as("export after the restart equals the clean run's").isEqualTo(-1L);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
