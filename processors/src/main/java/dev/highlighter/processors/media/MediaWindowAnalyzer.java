package dev.highlighter.processors.media;

import dev.highlighter.core.MediaSink;
import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one decode pass into raw media features per window, as the decode goes: each window is
 * handed out once every stream has moved past it, so memory stays flat for any VOD length.
 * Audio loudness, scene cuts and motion are each measured by their own small class.
 */
public class MediaWindowAnalyzer implements MediaSink {

    private final String vodId;
    private final long windowMicros;
    private final boolean audioExpected;
    private final boolean videoExpected;
    private final AudioLoudness audio;
    private final ContentDetector content;
    private final FrameMotion motion = new FrameMotion();
    private final TreeMap<Long, double[]> video = new TreeMap<>(); // {cuts, motionSum, motionFrames}
    private final List<Long> cutTimes = new ArrayList<>();
    private long lastAudio = -1;
    private long lastVideo = -1;
    private long nextWindow = -1;
    private long videoFrames;
    private boolean cutsFromFrames = true;

    /** @param frameRate the stream's frame rate, which turns the minimum scene length into time */
    public MediaWindowAnalyzer(String vodId, long windowMs, boolean audioExpected, boolean videoExpected, double frameRate) {
        this(vodId, windowMs, audioExpected, videoExpected, ContentDetector.DEFAULT_THRESHOLD, ContentDetector.minSceneMicros(frameRate));
    }

    /**
     * For a pass that finds cuts elsewhere (a scan of the GOPs that can hold one): frames given
     * here only count and measure motion, and cuts come through {@link #cut(long)}.
     */
    public static MediaWindowAnalyzer withCutsFromOutside(String vodId, long windowMs, boolean audioExpected, boolean videoExpected) {
        MediaWindowAnalyzer analyzer = new MediaWindowAnalyzer(vodId, windowMs, audioExpected, videoExpected, 0, 0);
        analyzer.cutsFromFrames = false;
        return analyzer;
    }

    public MediaWindowAnalyzer(String vodId, long windowMs, boolean audioExpected, boolean videoExpected,
                               double cutThreshold, long minSceneMicros) {
        this.vodId = vodId;
        this.windowMicros = windowMs * 1000;
        this.audioExpected = audioExpected;
        this.videoExpected = videoExpected;
        this.audio = new AudioLoudness(windowMicros);
        this.content = new ContentDetector(cutThreshold, minSceneMicros);
    }

    @Override
    public void audio(long timestampMicros, float[] samples, int channels, int sampleRate) {
        audio.add(Math.max(0, timestampMicros), samples, channels, sampleRate);
        lastAudio = Math.max(lastAudio, timestampMicros);
    }

    @Override
    public void video(long timestampMicros, byte[] bgr, int width, int height) {
        long t = Math.max(0, timestampMicros);
        int pixels = width * height;
        double[] w = video.computeIfAbsent(t / windowMicros, k -> new double[3]);
        if (cutsFromFrames && content.isCut(bgr, pixels, t)) {
            w[0]++;
            cutTimes.add(t);
        }
        double m = motion.next(bgr, pixels);
        if (!Double.isNaN(m)) {
            w[1] += m;
            w[2]++;
        }
        lastVideo = Math.max(lastVideo, t);
        videoFrames++;
    }

    /**
     * A cut found outside this analyzer, at or after the last frame given; it must come before
     * the frame at its time is given, so its window has not been handed out yet.
     */
    public void cut(long timestampMicros) {
        long t = Math.max(0, timestampMicros);
        video.computeIfAbsent(t / windowMicros, k -> new double[3])[0]++;
        cutTimes.add(t);
    }

    /** Video decoded outside this analyzer reached this time (a scan after the last keyframe). */
    public void videoReached(long timestampMicros) {
        lastVideo = Math.max(lastVideo, timestampMicros);
    }

    /** Windows that every expected stream has moved past, in time order. */
    public List<WindowFeatures> completed() {
        long watermark = Long.MAX_VALUE;
        if (audioExpected) {
            watermark = Math.min(watermark, lastAudio);
        }
        if (videoExpected) {
            watermark = Math.min(watermark, lastVideo);
        }
        // one window of slack: the streams of a file are interleaved, not in lockstep
        return drainBelow(watermark < 0 ? -1 : watermark / windowMicros - 1);
    }

    /** Every window left, once the decode has ended. */
    public List<WindowFeatures> finish() {
        audio.finish();
        long last = Math.max(video.isEmpty() ? -1 : video.lastKey(), Math.max(lastAudio, lastVideo) / windowMicros);
        return drainBelow(last + 1);
    }

    private List<WindowFeatures> drainBelow(long endExclusive) {
        List<WindowFeatures> out = new ArrayList<>();
        if (nextWindow < 0) {
            long first = Math.min(audio.firstWindow(), video.isEmpty() ? Long.MAX_VALUE : video.firstKey());
            if (first == Long.MAX_VALUE) {
                return out;
            }
            nextWindow = first;
        }
        for (; nextWindow < endExclusive; nextWindow++) {
            Map<String, Double> values = new HashMap<>();
            audio.take(nextWindow, values);
            double[] v = video.remove(nextWindow);
            if (v != null) {
                values.put(MediaFeatures.CUTS, v[0]);
                values.put(MediaFeatures.MOTION, v[2] == 0 ? 0 : v[1] / v[2]);
            } else if (videoExpected && videoFrames > 0) {
                values.put(MediaFeatures.CUTS, 0.0);
            }
            if (!values.isEmpty()) {
                out.add(new WindowFeatures(vodId, nextWindow * windowMicros / 1000, values));
            }
        }
        return out;
    }

    /** When the audio went to digital silence for good, or -1 if it did not. */
    public long audioDropoutMicros() {
        return audio.dropoutMicros();
    }

    public List<Long> cutTimesMicros() {
        return List.copyOf(cutTimes);
    }

    public long videoFrames() {
        return videoFrames;
    }

    /** Time of the last decoded audio or video, microseconds. */
    public long endMicros() {
        return Math.max(lastAudio, lastVideo);
    }
}
