package dev.highlighter.processors.media;

/**
 * Scene cuts by content change, after PySceneDetect's ContentDetector: the mean absolute change
 * of hue, saturation and value between consecutive frames (weights 1:1:1), a cut where it
 * reaches the threshold and the scene so far is long enough. Like ffmpeg's scdet, the score is
 * also held to the jump from the previous frame's change, so a fade (a steady change, frame
 * after frame) is not a cut while a hard cut (a sudden one) is.
 */
public final class ContentDetector {

    /** PySceneDetect's default: 27 on the 0-255 HSV delta scale. */
    static final double DEFAULT_THRESHOLD = 27;
    /** PySceneDetect's default: no scene shorter than 15 frames, so flashes are not cuts. */
    static final int DEFAULT_MIN_SCENE_FRAMES = 15;

    private final double threshold;
    private final long minSceneMicros;
    private byte[] previousHsv;
    private long sceneStart;
    private double lastScore;
    private double previousChange;

    /**
     * @param minSceneMicros the minimum scene length as time: PySceneDetect's 15 frames at the
     *                       stream's frame rate, so it holds when only keyframes are decoded too
     */
    public ContentDetector(double threshold, long minSceneMicros) {
        this.threshold = threshold;
        this.minSceneMicros = minSceneMicros;
        this.sceneStart = 0; // the first scene too must last the minimum, as in PySceneDetect
    }

    /** The detector for a stream of this frame rate, with PySceneDetect's defaults. */
    public static ContentDetector forFrameRate(double frameRate) {
        return new ContentDetector(DEFAULT_THRESHOLD, minSceneMicros(frameRate));
    }

    /** PySceneDetect's minimum scene length as time at this frame rate (25 fps if unknown). */
    static long minSceneMicros(double frameRate) {
        return (long) (DEFAULT_MIN_SCENE_FRAMES * 1e6 / (frameRate > 1 && frameRate < 1000 ? frameRate : 25));
    }

    /** Feeds the next frame; true when a cut starts at it. */
    public boolean isCut(byte[] bgr, int pixels, long timestampMicros) {
        byte[] hsv = Hsv.fromBgr(bgr, pixels);
        boolean cut = false;
        if (previousHsv != null) {
            double change = change(previousHsv, hsv, pixels);
            lastScore = Math.min(change, Math.abs(change - previousChange));
            previousChange = change;
            cut = lastScore >= threshold && timestampMicros - sceneStart >= minSceneMicros;
        }
        if (cut) {
            sceneStart = timestampMicros;
        }
        previousHsv = hsv;
        return cut;
    }

    /**
     * Feeds a frame that cannot be a cut (it comes before the part being scanned): it only sets
     * the frame and the change that the next frame is compared with, so a scan that starts
     * mid-stream judges its first frames exactly as a pass over every frame would.
     */
    public void prime(byte[] bgr, int pixels) {
        byte[] hsv = Hsv.fromBgr(bgr, pixels);
        previousChange = previousHsv == null || previousHsv.length != hsv.length ? 0 : change(previousHsv, hsv, pixels);
        previousHsv = hsv;
    }

    /** Forgets the frames seen (not the last cut), before a scan elsewhere in the stream. */
    public void forgetFrames() {
        previousHsv = null;
        previousChange = 0;
    }

    /** Mean absolute HSV change between two frames, 0-255 (weights 1:1:1). */
    public static double change(byte[] hsvA, byte[] hsvB, int pixels) {
        long dh = 0;
        long ds = 0;
        long dv = 0;
        for (int i = 0; i < pixels * 3; i += 3) {
            dh += Math.abs((hsvB[i] & 0xFF) - (hsvA[i] & 0xFF));
            ds += Math.abs((hsvB[i + 1] & 0xFF) - (hsvA[i + 1] & 0xFF));
            dv += Math.abs((hsvB[i + 2] & 0xFF) - (hsvA[i + 2] & 0xFF));
        }
        return (dh + ds + dv) / 3.0 / pixels;
    }

    double lastScore() {
        return lastScore;
    }

    /** OpenCV's 8-bit HSV: hue 0-179, saturation and value 0-255. */
    public static final class Hsv {
        private Hsv() {
        }

        public static byte[] fromBgr(byte[] bgr, int pixels) {
            byte[] out = new byte[pixels * 3];
            for (int i = 0; i < pixels * 3; i += 3) {
                int b = bgr[i] & 0xFF;
                int g = bgr[i + 1] & 0xFF;
                int r = bgr[i + 2] & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                int delta = max - min;
                int s = max == 0 ? 0 : (delta * 255 + max / 2) / max;
                double h;
                if (delta == 0) {
                    h = 0;
                } else if (max == r) {
                    h = 60.0 * (g - b) / delta;
                } else if (max == g) {
                    h = 120 + 60.0 * (b - r) / delta;
                } else {
                    h = 240 + 60.0 * (r - g) / delta;
                }
                if (h < 0) {
                    h += 360;
                }
                out[i] = (byte) ((int) Math.round(h / 2) % 180);
                out[i + 1] = (byte) s;
                out[i + 2] = (byte) max;
            }
            return out;
        }
    }
}
