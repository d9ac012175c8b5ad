package dev.highlighter.processors.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.RobustBaseline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaWindowAggregatorTest {

    static WindowFeatures window(long startMs, Map<String, Double> values) {
        return new WindowFeatures("v", startMs, values);
    }

    static List<WindowFeatures> vod() {
        return List.of(
                window(0, Map.of(MediaFeatures.RMS_DB, -30.0, MediaFeatures.PEAK_DB, -25.0, MediaFeatures.CUTS, 0.0, MediaFeatures.MOTION, 2.0)),
                window(5000, Map.of(MediaFeatures.RMS_DB, -31.0, MediaFeatures.PEAK_DB, -26.0, MediaFeatures.CUTS, 0.0, MediaFeatures.MOTION, 3.0)),
                window(10000, Map.of(MediaFeatures.RMS_DB, -10.0, MediaFeatures.PEAK_DB, -4.0, MediaFeatures.CUTS, 2.0, MediaFeatures.MOTION, 40.0)),
                window(15000, Map.of(MediaFeatures.RMS_DB, -29.0, MediaFeatures.PEAK_DB, -24.0, MediaFeatures.CUTS, 1.0, MediaFeatures.MOTION, 2.5)),
                // video only at the end: the audio stream was shorter
                window(20000, Map.of(MediaFeatures.CUTS, 0.0, MediaFeatures.MOTION, 1.0)));
    }

    static MediaWindowAggregator aggregate(List<WindowFeatures> windows) {
        MediaWindowAggregator aggregator = new MediaWindowAggregator();
        windows.forEach(aggregator::add);
        return aggregator;
    }

    @Test
    void eachFeatureIsScoredAgainstTheWindowsThatHaveIt() {
        List<WindowFeatures> scored = aggregate(vod()).features();
        assertThat(scored).extracting(WindowFeatures::startMs).containsExactly(0L, 5000L, 10000L, 15000L, 20000L);
        RobustBaseline rms = RobustBaseline.of(new double[] {-30, -31, -10, -29});
        RobustBaseline motion = RobustBaseline.of(new double[] {2, 3, 40, 2.5, 1});
        assertThat(rms.median()).isEqualTo(-29.5);
        for (WindowFeatures w : scored) {
            WindowFeatures raw = vod().stream().filter(r -> r.startMs() == w.startMs()).findFirst().orElseThrow();
            assertThat(w.get(MediaFeatures.MOTION + "_z")).isCloseTo(motion.z(raw.get(MediaFeatures.MOTION)), within(1e-12));
            raw.values().forEach((k, v) -> assertThat(w.get(k)).as("raw %s kept", k).isEqualTo(v));
            if (raw.has(MediaFeatures.RMS_DB)) {
                assertThat(w.get(MediaFeatures.RMS_DB + "_z")).isCloseTo(rms.z(raw.get(MediaFeatures.RMS_DB)), within(1e-12));
            } else {
                assertThat(w.has(MediaFeatures.RMS_DB + "_z")).as("no audio, no audio score").isFalse();
            }
        }
        assertThat(scored.get(2).get(MediaFeatures.RMS_DB + "_z")).as("the loud window stands out").isGreaterThan(10);
    }

    @Test
    void droppedAudioLeavesTheAudioFeaturesOutOfEveryWindow() {
        MediaWindowAggregator aggregator = aggregate(vod());
        aggregator.dropAudio();
        List<WindowFeatures> scored = aggregator.features();
        assertThat(scored).hasSize(5).allSatisfy(w -> {
            assertThat(w.values().keySet()).containsExactlyInAnyOrder(MediaFeatures.CUTS, MediaFeatures.CUTS + "_z",
                    MediaFeatures.MOTION, MediaFeatures.MOTION + "_z");
        });
    }

    @Test
    void aWindowWithOnlyAudioGoesWhenTheAudioIsDropped() {
        MediaWindowAggregator aggregator = aggregate(List.of(
                window(0, Map.of(MediaFeatures.RMS_DB, -20.0, MediaFeatures.PEAK_DB, -18.0, MediaFeatures.MOTION, 1.0)),
                window(5000, Map.of(MediaFeatures.RMS_DB, -20.0, MediaFeatures.PEAK_DB, -18.0))));
        aggregator.dropAudio();
        assertThat(aggregator.features()).extracting(WindowFeatures::startMs).containsExactly(0L);
        assertThat(aggregator.items()).isEqualTo(2);
    }
}
