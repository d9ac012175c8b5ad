package dev.highlighter.processors.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loudness of synthetic signals whose level is known in closed form. */
class AudioLoudnessTest {

    static final long WINDOW = 5_000_000;

    /** dBFS of a sine of this peak amplitude: its RMS is amplitude / sqrt(2). */
    static double sineDb(double amplitude) {
        return 20 * Math.log10(amplitude / Math.sqrt(2));
    }

    /**
     * Feeds {@code seconds} of a 440 Hz sine in frames of {@code frame} instants, starting at
     * {@code fromSeconds}; amplitude 0 is digital silence.
     */
    static void feed(AudioLoudness loudness, double fromSeconds, double seconds, double amplitude, int rate, int channels, int frame) {
        long first = Math.round(fromSeconds * rate);
        long total = Math.round(seconds * rate);
        for (long start = 0; start < total; start += frame) {
            int n = (int) Math.min(frame, total - start);
            float[] samples = new float[n * channels];
            for (int i = 0; i < n; i++) {
                float s = (float) (amplitude * Math.sin(2 * Math.PI * 440 * (first + start + i) / rate));
                for (int c = 0; c < channels; c++) {
                    samples[i * channels + c] = s;
                }
            }
            loudness.add((first + start) * 1_000_000 / rate, samples, channels, rate);
        }
    }

    static Map<String, Double> take(AudioLoudness loudness, long window) {
        Map<String, Double> out = new HashMap<>();
        assertThat(loudness.take(window, out)).as("window %d has audio", window).isTrue();
        return out;
    }

    @Test
    void aSineMeasuresItsTextbookLevelInEveryWindow() {
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 10, 0.5, 48_000, 2, 1024);
        loudness.finish();
        for (long w = 0; w < 2; w++) {
            Map<String, Double> figures = take(loudness, w);
            assertThat(figures.get(MediaFeatures.RMS_DB)).isCloseTo(sineDb(0.5), within(0.01));
            assertThat(figures.get(MediaFeatures.PEAK_DB)).as("a steady tone has no louder block").isCloseTo(sineDb(0.5), within(0.01));
        }
        assertThat(loudness.dropoutMicros()).isEqualTo(-1);
    }

    @Test
    void aWindowBoundaryInsideAFrameIsHonoured() {
        // 44.1 kHz in frames of 1000: 5 s is 220500 instants, so the boundary falls inside a frame
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 5, 0.05, 44_100, 1, 1000);
        feed(loudness, 5, 5, 0.8, 44_100, 1, 1000);
        loudness.finish();
        assertThat(take(loudness, 0).get(MediaFeatures.RMS_DB)).isCloseTo(sineDb(0.05), within(0.01));
        assertThat(take(loudness, 1).get(MediaFeatures.RMS_DB)).isCloseTo(sineDb(0.8), within(0.01));
    }

    @Test
    void theLoudest400MsBlockStandsOutOfACalmWindow() {
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 2, 0.01, 48_000, 1, 960);
        feed(loudness, 2, 0.4, 0.5, 48_000, 1, 960); // exactly the block 2.0-2.4 s
        feed(loudness, 2.4, 2.6, 0.01, 48_000, 1, 960);
        loudness.finish();
        Map<String, Double> figures = take(loudness, 0);
        double meanSquare = (4.6 * 0.01 * 0.01 / 2 + 0.4 * 0.5 * 0.5 / 2) / 5;
        assertThat(figures.get(MediaFeatures.RMS_DB)).isCloseTo(10 * Math.log10(meanSquare), within(0.01));
        assertThat(figures.get(MediaFeatures.PEAK_DB)).isCloseTo(sineDb(0.5), within(0.01));
    }

    @Test
    void digitalSilenceIsTheFloorNotMinusInfinity() {
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 5, 0, 48_000, 1, 1024);
        loudness.finish();
        Map<String, Double> figures = take(loudness, 0);
        assertThat(figures.get(MediaFeatures.RMS_DB)).isEqualTo(MediaFeatures.SILENCE_DB);
        assertThat(figures.get(MediaFeatures.PEAK_DB)).isEqualTo(MediaFeatures.SILENCE_DB);
        assertThat(loudness.dropoutMicros()).as("never had sound, so it did not fail").isEqualTo(-1);
        assertThat(loudness.take(1, new HashMap<>())).as("no audio in window 1").isFalse();
    }

    @Test
    void soundThatStopsForGoodIsADropoutDatedToItsLastSample() {
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 5, 0.3, 48_000, 1, 1024);
        feed(loudness, 5, 4, 0, 48_000, 1, 1024);
        loudness.finish();
        assertThat(loudness.dropoutMicros()).isBetween(4_999_000L, 5_000_000L);
    }

    @Test
    void aShortPauseAtTheEndIsNotADropout() {
        AudioLoudness loudness = new AudioLoudness(WINDOW);
        feed(loudness, 0, 5, 0.3, 48_000, 1, 1024);
        feed(loudness, 5, 2.5, 0, 48_000, 1, 1024);
        loudness.finish();
        assertThat(loudness.dropoutMicros()).isEqualTo(-1);
    }
}
