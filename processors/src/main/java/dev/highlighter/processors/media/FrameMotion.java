package dev.highlighter.processors.media;

/**
 * Motion between consecutive frames: the mean absolute difference of their grey levels (0-255).
 * On a small frame this follows how much of the picture moves, without the cost of optical flow.
 */
final class FrameMotion {

    private byte[] previous;
    private byte[] current;

    /**
     * Feeds the next frame.
     *
     * @return the mean absolute grey difference to the frame before, or NaN for the first frame
     *         and for a frame whose size differs from the one before
     */
    double next(byte[] bgr, int pixels) {
        if (current == null || current.length != pixels) {
            current = new byte[pixels];
        }
        grey(bgr, pixels, current);
        double motion = Double.NaN;
        if (previous != null && previous.length == pixels) {
            long diff = 0;
            for (int p = 0; p < pixels; p++) {
                diff += Math.abs((current[p] & 0xFF) - (previous[p] & 0xFF));
            }
            motion = (double) diff / pixels;
        }
        // the two buffers take turns, so a long VOD allocates nothing per frame
        byte[] spare = previous;
        previous = current;
        current = spare;
        return motion;
    }

    /** ITU-R BT.601 luma from packed BGR, in integer arithmetic. */
    static void grey(byte[] bgr, int pixels, byte[] out) {
        for (int i = 0, p = 0; p < pixels; i += 3, p++) {
            out[p] = (byte) ((114 * (bgr[i] & 0xFF) + 587 * (bgr[i + 1] & 0xFF) + 299 * (bgr[i + 2] & 0xFF)) / 1000);
        }
    }
}
