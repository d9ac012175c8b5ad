package dev.highlighter.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustBaselineTest {

    @Test
    void medianAndMadIgnoreTheOutlierTheyAreLookingFor() {
        // median 3, deviations {2,1,0,1,2,97} -> MAD 1.5, scale 1.4826 * 1.5
        RobustBaseline b = RobustBaseline.of(new double[] {1, 2, 3, 4, 5, 100});
        assertThat(b.median()).isEqualTo(3.5);
        assertThat(b.z(3.5)).isZero();
        assertThat(b.z(100)).isCloseTo((100 - 3.5) / (1.4826 * 1.5), within(1e-9));
    }

    @Test
    void sparseSignalsFallBackToTheMeanAbsoluteDeviation() {
        RobustBaseline b = RobustBaseline.of(new double[] {0, 0, 0, 0, 0, 0, 0, 4});
        assertThat(b.z(4)).isCloseTo(4 / (1.2533 * 0.5), within(1e-9));
        assertThat(RobustBaseline.of(new double[] {2, 2, 2}).z(5)).as("no spread, no score").isZero();
    }
}
