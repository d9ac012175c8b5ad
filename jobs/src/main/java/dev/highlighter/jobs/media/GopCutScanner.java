package dev.highlighter.jobs.media;

import dev.highlighter.core.MediaSink;
import dev.highlighter.processors.media.ContentDetector;
import dev.highlighter.processors.media.MediaWindowAnalyzer;
import dev.highlighter.readers.media.MediaDecoder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cuts as a pass over every frame places them, from a pass over keyframes: between two keyframes
 * that differ enough to hold a cut, a second decoder seeks back and decodes that GOP in full,
 * and the one content detector judges its frames. Elsewhere the keyframes are alike, and a GOP
 * between alike keyframes holds no cut (measured on the real clips and the generated VODs:
 * README, "Performance"), except a cutaway that begins and ends inside it, which is missed.
 * Sits between the keyframe decoder and the analyzer.
 */
final class GopCutScanner implements MediaSink {

    /**
     * Keyframes this far apart on the 0-255 HSV scale (a third of the cut threshold of 27) may
     * hold a cut between them; a cut changes the picture by at least the threshold, and a GOP's
     * own motion rarely comes close.
     */
    static final double GATE = 9;

    private final FileSystem fs;
    private final Path path;
    private final MediaWindowAnalyzer analyzer;
    private final ContentDetector cuts;
    private final long frameMicros;
    private final int threads;
    private MediaDecoder scanner;
    private byte[] lastKeyHsv;
    private long lastKey = -1;
    private int width;
    private int height;
    private long scannedTo = -1;
    private long keyframes;
    private long gopsScanned;
    private long framesScanned;
    private long scanNanos;

    GopCutScanner(FileSystem fs, Path path, MediaWindowAnalyzer analyzer, double frameRate, int threads) {
        this.fs = fs;
        this.threads = threads;
        this.path = path;
        this.analyzer = analyzer;
        this.cuts = ContentDetector.forFrameRate(frameRate);
        this.frameMicros = (long) (1e6 / (frameRate > 1 && frameRate < 1000 ? frameRate : 25));
    }

    @Override
    public void audio(long timestampMicros, float[] samples, int channels, int sampleRate) {
        analyzer.audio(timestampMicros, samples, channels, sampleRate);
    }

    @Override
    public void video(long timestampMicros, byte[] bgr, int width, int height) {
        int pixels = width * height;
        byte[] hsv = ContentDetector.Hsv.fromBgr(bgr, pixels);
        if (lastKeyHsv != null && lastKeyHsv.length == hsv.length && ContentDetector.change(lastKeyHsv, hsv, pixels) >= GATE) {
            long t0 = System.nanoTime();
            scan(lastKey, timestampMicros, width, height);
            scanNanos += System.nanoTime() - t0;
            gopsScanned++;
        }
        keyframes++;
        lastKeyHsv = hsv;
        lastKey = timestampMicros;
        this.width = width;
        this.height = height;
        analyzer.video(timestampMicros, bgr, width, height);
    }

    /**
     * At the end of the keyframes: the frames after the last one are scanned in full, as nothing
     * after them shows whether they hold a cut.
     */
    void finish() {
        if (lastKey >= 0 && width > 0) {
            long t0 = System.nanoTime();
            // the video goes on past the last keyframe: the truncation check must see how far
            analyzer.videoReached(scan(lastKey, Long.MAX_VALUE, width, height));
            scanNanos += System.nanoTime() - t0;
            gopsScanned++;
        }
    }

    /** Every frame in (from, to] through the detector; frames up to {@code from} only prime it. */
    /** @return the time of the last frame decoded */
    private long scan(long from, long to, int width, int height) {
        if (scanner == null) {
            scanner = MediaDecoder.open(fs, path, width, height, MediaDecoder.VideoFrames.ALL, threads);
        }
        if (scannedTo != from) {
            // not where the last scan ended: start two frames early so the first frames of the
            // GOP are compared with the frame and the change before them, as in a full pass
            cuts.forgetFrames();
            scanner.seek(from - 2 * frameMicros - frameMicros / 2);
        }
        long[] last = {Long.MIN_VALUE};
        MediaSink sink = new MediaSink() {
            @Override
            public void audio(long t, float[] samples, int channels, int sampleRate) {
            }

            @Override
            public void video(long t, byte[] frame, int w, int h) {
                last[0] = t;
                framesScanned++;
                if (t <= from) {
                    cuts.prime(frame, w * h);
                } else if (cuts.isCut(frame, w * h, t)) {
                    analyzer.cut(t);
                }
            }
        };
        while (last[0] < to && scanner.nextImage(sink)) {
            // decode on until the later keyframe has been judged
        }
        scannedTo = last[0] == to ? to : -1;
        return last[0];
    }

    /** What the scan cost, for the log and the bench. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%d keyframes, %d GOPs scanned in full (%d frames, %.2f s)",
                keyframes, gopsScanned, framesScanned, scanNanos / 1e9);
    }

    long gopsScanned() {
        return gopsScanned;
    }

    long keyframes() {
        return keyframes;
    }

    void close() {
        if (scanner != null) {
            scanner.close();
        }
    }
}
