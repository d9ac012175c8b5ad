package dev.highlighter.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.ChildJvm;
import dev.highlighter.app.bench.ChaosBench;
import dev.highlighter.app.bench.ChaosRun;
import dev.highlighter.core.testing.SharedData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short chaos suite CI runs: three kill -9 cycles of {@code run highlights} (one kill in each
 * third of a clean run: start-up, HBase, the job), each recovered by the plain command with no
 * manual step and an export equal to the clean run's. {@code bench chaos} runs the long one.
 */
class ChaosTest {

    @TempDir
    Path tmp;

    @Test
    void everyKilledRunIsCompletedByThePlainCommandWithExactOutput() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        ChaosRun chaos = new ChaosRun(ChildJvm.launcher(), tmp, ChaosBench.smallest(SharedData.lolChat(), 2),
                LocalDate.of(2019, 10, 3), 7, Duration.ofMinutes(5), out);

        ChaosRun.Report report = chaos.run(3);

        assertThat(report.referenceRows()).as("the clean run found highlights").isPositive();
        assertThat(report.cycles()).hasSize(3).allSatisfy(cycle ->
                assertThat(cycle.recovered()).as("cycle %d (killed after %.1f s in %s, recovered by %s): exit %d, %s", cycle.number(),
                        cycle.killAfterSeconds(), cycle.landedIn(), cycle.recovery(), cycle.exitCode(), cycle.note()).isTrue());
        assertThat(report.cycles()).extracting(ChaosRun.Cycle::recovery).contains("run", "trigger");
    }
}
