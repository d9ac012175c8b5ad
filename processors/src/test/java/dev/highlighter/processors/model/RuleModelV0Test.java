package dev.highlighter.processors.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleModelV0Test {

    @Test
    void strongMomentsSaturateTheProbabilityButNotTheMargin() {
        // message-rate z-scores only (the other signals absent): quiet, then two bursts of different strength
        double[] z = {0, 0, 60, 0, 0, 0, 0, 0, 80, 0, 0, 0, 0, 0};
        List<WindowFeatures> windows = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            windows.add(new WindowFeatures("v", i * 5_000L, Map.of(ChatFeatures.z(ChatFeatures.RATE), z[i])));
        }
        List<ScoredWindow> scored = new RuleModelV0().predict(new WindowBatch("v", windows, List.of()));
        // window 1 sees the burst at 2 in its reaction span, window 7 the one at 8
        assertThat(scored.get(1).probability()).isEqualTo(1.0);
        assertThat(scored.get(7).probability()).isEqualTo(1.0);
        assertThat(scored.get(7).margin()).isGreaterThan(scored.get(1).margin());
        assertThat(scored.get(1).margin()).isCloseTo(RuleModelV0.STEEPNESS * (60 - RuleModelV0.MIDPOINT), within(1e-9));
        assertThat(scored.get(12).margin()).isCloseTo(-RuleModelV0.STEEPNESS * RuleModelV0.MIDPOINT, within(1e-9));
    }
}
