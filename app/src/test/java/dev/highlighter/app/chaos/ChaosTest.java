package dev.highlighter.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.bench.ChaosRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The short chaos suite CI runs, against one clean run of three real games: three kill -9 cycles
 * of {@code run highlights} (one kill in each third of a clean run: start-up, HBase, the job),
 * each completed by the plain command with no manual step and an export equal to the clean
 * run's; and a SIGTERM that stops a run cleanly. {@code bench chaos} runs the long one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosTest {

    /** JobHeartbeat's 25 s grace for the run to stop, plus a margin for storage to close. */
    static final double SIGTERM_BOUND_SECONDS = 30;

    ChaosRun chaos;

    @BeforeAll
    void cleanRun() throws Exception {
        chaos = ChaosFixture.get();
        assertThat(chaos.reference().rows()).as("the clean run found highlights").isPositive();
    }

    @Test
    void everyKilledRunIsCompletedByThePlainCommandWithExactOutput() throws Exception {
        ChaosRun.Report report = chaos.run(3);

        assertThat(report.cycles()).hasSize(3).allSatisfy(cycle ->
                assertThat(cycle.recovered()).as("cycle %d (killed after %.1f s in %s, recovered by %s): exit %d, %s", cycle.number(),
                        cycle.killAfterSeconds(), cycle.landedIn(), cycle.recovery(), cycle.exitCode(), cycle.note()).isTrue());
        assertThat(report.cycles()).extracting(ChaosRun.Cycle::recovery).contains("run", "trigger");
    }

    @Test
    void sigtermStopsTheRunWithinTheGracePeriodAndThePlainRunRestartsIt() throws Exception {
        ChaosRun.Termination t = chaos.terminate();

        assertThat(t.exitSeconds()).as("seconds from SIGTERM to the process's end").isLessThan(SIGTERM_BOUND_SECONDS);
        assertThat(t.status()).as("how the run said it ended").isEqualTo("STOPPED");
        assertThat(t.restartedAsStopped()).as("the next run restarted the STOPPED execution").isTrue();
        assertThat(t.recoveryExit()).isZero();
        assertThat(t.exact()).as("export after the restart equals the clean run's").isTrue();
    }
}
