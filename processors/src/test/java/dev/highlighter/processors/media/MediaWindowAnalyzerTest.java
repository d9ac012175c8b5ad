package dev.highlighter.processors.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One synthetic decode pass, interleaved as a container would give it. */
class MediaWindowAnalyzerTest {

    static final int RATE = 48_000;
    static final int FPS = 25;
    static final int W = 32;
    static final int H = 18;

    /**
     * 12 s: a 0.1 tone, loud (0.5) from 5 to 10 s; black pictures, a hard cut to white at 6 s and
     * a 20-level flicker every frame after 10 s, too small to be a cut. Audio and video alternate every 40 ms.
     */
    static List<WindowFeatures> run(MediaWindowAnalyzer analyzer, List<Integer> completedSizes) {
        List<WindowFeatures> out = new ArrayList<>();
        int perFrame = RATE / FPS;
        for (int f = 0; f < 12 * FPS; f++) {
            long t = f * 1_000_000L / FPS;
            float[] samples = new float[perFrame];
            for (int i = 0; i < perFrame; i++) {
                double amplitude = t >= 5_000_000 && t < 10_000_000 ? 0.5 : 0.1;
                samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * 440 * (f * perFrame + i) / RATE));
            }
            analyzer.audio(t, samples, 1, RATE);
            int level = t < 6_000_000 ? 0 : t < 10_000_000 ? 255 : (f % 2 == 0 ? 235 : 255);
            analyzer.video(t, FrameMotionTest.solid(W, H, level, level, level), W, H);
            List<WindowFeatures> done = analyzer.completed();
            completedSizes.add(done.size());
            out.addAll(done);
        }
        out.addAll(analyzer.finish());
        return out;
    }

    @Test
    void windowsCarryLoudnessCutsAndMotion() {
        MediaWindowAnalyzer analyzer = new MediaWindowAnalyzer("v", 5_000, true, true, FPS);
        List<WindowFeatures> windows = run(analyzer, new ArrayList<>());
        assertThat(windows).extracting(WindowFeatures::startMs).containsExactly(0L, 5000L, 10000L);
        assertThat(windows.get(0).get(MediaFeatures.RMS_DB)).isCloseTo(AudioLoudnessTest.sineDb(0.1), within(0.01));
        assertThat(windows.get(1).get(MediaFeatures.RMS_DB)).isCloseTo(AudioLoudnessTest.sineDb(0.5), within(0.01));
        assertThat(windows).extracting(w -> w.get(MediaFeatures.CUTS)).containsExactly(0.0, 1.0, 0.0);
        assertThat(analyzer.cutTimesMicros()).containsExactly(6_000_000L);
        // 124 still frames and the cut (255) averaged over the window's 125 differences
        assertThat(windows.get(1).get(MediaFeatures.MOTION)).isCloseTo(255.0 / 125, within(1e-9));
        // the flicker: 20 grey levels every frame
        assertThat(windows.get(2).get(MediaFeatures.MOTION)).isCloseTo(20, within(1e-9));
        assertThat(analyzer.videoFrames()).isEqualTo(300);
        assertThat(analyzer.endMicros()).isEqualTo(11_960_000L);
        assertThat(analyzer.audioDropoutMicros()).isEqualTo(-1);
    }

    @Test
    void aWindowIsHandedOutOnceBothStreamsArePastItWithOneWindowOfSlack() {
        List<Integer> sizes = new ArrayList<>();
        run(new MediaWindowAnalyzer("v", 5_000, true, true, FPS), sizes);
        // window 0 once the streams reach 10 s; window 1 only at the end
        int firstOut = sizes.indexOf(1);
        assertThat(firstOut).isEqualTo(10 * FPS);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    @Test
    void aVideoOnlyPassHasCutsAndMotionButNoLoudness() {
        MediaWindowAnalyzer analyzer = new MediaWindowAnalyzer("v", 5_000, false, true, FPS);
        for (int f = 0; f < 6 * FPS; f++) {
            analyzer.video(f * 1_000_000L / FPS, FrameMotionTest.solid(W, H, 10, 10, 10), W, H);
            analyzer.completed();
        }
        List<WindowFeatures> rest = analyzer.finish();
        assertThat(rest).as("the last window is handed out at the end, with its neighbour of slack")
                .extracting(WindowFeatures::startMs).containsExactly(0L, 5000L);
        assertThat(rest).allSatisfy(w -> assertThat(w.values().keySet())
                .containsExactlyInAnyOrder(MediaFeatures.CUTS, MediaFeatures.MOTION));
    }
}
