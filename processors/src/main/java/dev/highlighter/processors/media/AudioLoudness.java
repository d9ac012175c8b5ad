package dev.highlighter.processors.media;

import java.util.Map;
import java.util.TreeMap;

/**
 * Audio loudness per window: the RMS level of all samples of all channels (what ffmpeg's astats
 * reports as the overall RMS level) and the loudest 400 ms block, in dBFS. Samples are placed
 * on the VOD clock one by one, so a window boundary inside a frame is honoured.
 */
final class AudioLoudness {

    /** Short-term block: EBU R128's momentary loudness uses the same 400 ms. */
    static final long BLOCK_MICROS = 400_000;
    /** Digital silence this long to the end of a stream that had sound means the stream failed. */
    static final long DROPOUT_MICROS = 3_000_000;

    private final long windowMicros;
    private final TreeMap<Long, double[]> windows = new TreeMap<>(); // {sumSquares, samples, peakBlockMeanSquare}
    /** The window the last sample went to: one map look-up per window, not per sample. */
    private long currentWindow = Long.MIN_VALUE;
    private double[] current;
    private long block = -1;
    private double blockSum;
    private long blockCount;
    private long lastSoundMicros = -1;
    private long endMicros = -1;

    AudioLoudness(long windowMicros) {
        this.windowMicros = windowMicros;
    }

    void add(long timestampMicros, float[] samples, int channels, int sampleRate) {
        int instants = samples.length / Math.max(1, channels);
        for (int i = 0; i < instants; i++) {
            long t = timestampMicros + (long) i * 1_000_000 / sampleRate;
            double sum = 0;
            boolean sound = false;
            for (int c = 0; c < channels; c++) {
                float s = samples[i * channels + c];
                sum += (double) s * s;
                sound |= s != 0;
            }
            if (sound) {
                lastSoundMicros = t;
            }
            long window = t / windowMicros;
            if (window != currentWindow) {
                current = windows.computeIfAbsent(window, k -> new double[3]);
                currentWindow = window;
            }
            current[0] += sum;
            current[1] += channels;
            long b = t / BLOCK_MICROS;
            if (b != block) {
                closeBlock();
                block = b;
            }
            blockSum += sum;
            blockCount += channels;
        }
        endMicros = Math.max(endMicros, timestampMicros + (long) instants * 1_000_000 / sampleRate);
    }

    private void closeBlock() {
        if (block >= 0 && blockCount > 0) {
            double[] w = windows.computeIfAbsent(block * BLOCK_MICROS / windowMicros, k -> new double[3]);
            w[2] = Math.max(w[2], blockSum / blockCount);
        }
        blockSum = 0;
        blockCount = 0;
    }

    void finish() {
        closeBlock();
        block = -1;
    }

    /** Where the audio went to digital silence for good, or -1 when it did not. */
    long dropoutMicros() {
        return lastSoundMicros >= 0 && endMicros - lastSoundMicros >= DROPOUT_MICROS ? lastSoundMicros : -1;
    }

    /** Moves the window's figures into {@code out}; false when the window had no audio. */
    boolean take(long window, Map<String, Double> out) {
        double[] w = windows.remove(window);
        if (window == currentWindow) {
            currentWindow = Long.MIN_VALUE; // a late sample for it starts a new entry, as before
        }
        if (w == null || w[1] == 0) {
            return false;
        }
        out.put(MediaFeatures.RMS_DB, db(w[0] / w[1]));
        out.put(MediaFeatures.PEAK_DB, db(Math.max(w[2], w[0] / w[1])));
        return true;
    }

    long firstWindow() {
        return windows.isEmpty() ? Long.MAX_VALUE : windows.firstKey();
    }

    static double db(double meanSquare) {
        return meanSquare <= 0 ? MediaFeatures.SILENCE_DB : Math.max(MediaFeatures.SILENCE_DB, 10 * Math.log10(meanSquare));
    }
}
