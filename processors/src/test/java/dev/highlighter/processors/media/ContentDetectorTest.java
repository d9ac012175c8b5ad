package dev.highlighter.processors.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cuts in synthetic frame sequences whose HSV change is known. */
class ContentDetectorTest {

    static final int W = 32;
    static final int H = 18;
    static final int PIXELS = W * H;
    static final long FRAME = 40_000; // 25 fps
    static final long MIN_SCENE = ContentDetector.DEFAULT_MIN_SCENE_FRAMES * FRAME;

    static byte[] solid(int b, int g, int r) {
        return FrameMotionTest.solid(W, H, b, g, r);
    }

    static byte[] noise(Random random) {
        byte[] bgr = new byte[PIXELS * 3];
        random.nextBytes(bgr);
        return bgr;
    }

    /** Feeds the frames at 25 fps from t = 0 and gives the cut times in seconds. */
    static List<Double> cuts(ContentDetector detector, List<byte[]> frames) {
        List<Double> cuts = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (detector.isCut(frames.get(i), PIXELS, i * FRAME)) {
                cuts.add(i * FRAME / 1e6);
            }
        }
        return cuts;
    }

    static List<byte[]> repeat(byte[] frame, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(frame);
        }
        return out;
    }

    static ContentDetector detector() {
        return new ContentDetector(ContentDetector.DEFAULT_THRESHOLD, MIN_SCENE);
    }

    @Test
    void hsvIsOpenCvsEightBitScale() {
        byte[] bgr = {0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255, 64, 64, 64};
        byte[] hsv = ContentDetector.Hsv.fromBgr(bgr, 5);
        int[][] expected = {{0, 255, 255}, {60, 255, 255}, {120, 255, 255}, {30, 255, 255}, {0, 0, 64}}; // red, green, blue, yellow, grey
        for (int p = 0; p < 5; p++) {
            assertThat(new int[] {hsv[p * 3] & 0xFF, hsv[p * 3 + 1] & 0xFF, hsv[p * 3 + 2] & 0xFF}).as("pixel %d", p).containsExactly(expected[p]);
        }
    }

    @Test
    void aHardCutIsFoundAtItsFrame() {
        List<byte[]> frames = new ArrayList<>(repeat(solid(0, 0, 0), 25));
        frames.addAll(repeat(solid(255, 255, 255), 25));
        ContentDetector detector = detector();
        assertThat(cuts(detector, frames)).containsExactly(1.0);
    }

    @Test
    void theScoreIsTheMeanHsvChange() {
        ContentDetector detector = detector();
        detector.isCut(solid(0, 0, 0), PIXELS, 0);
        detector.isCut(solid(255, 255, 255), PIXELS, MIN_SCENE);
        // black to white moves only the value, by 255, over three channels
        assertThat(detector.lastScore()).isCloseTo(85, within(1e-9));
    }

    @Test
    void aChangeBelowTheThresholdIsNotACut() {
        // grey 50 to grey 120: a value change of 70, a score of 23.3 < 27
        List<byte[]> frames = new ArrayList<>(repeat(solid(50, 50, 50), 25));
        frames.addAll(repeat(solid(120, 120, 120), 25));
        assertThat(cuts(detector(), frames)).isEmpty();
    }

    @Test
    void noSceneIsShorterThanTheMinimumNotEvenTheFirst() {
        // a cut after 5 frames (too soon after the start), then one at 1 s, then a flash back 5 frames later
        List<byte[]> frames = new ArrayList<>(repeat(solid(0, 0, 0), 5));
        frames.addAll(repeat(solid(255, 255, 255), 20));
        frames.addAll(repeat(solid(0, 0, 0), 5));
        frames.addAll(repeat(solid(255, 255, 255), 20));
        assertThat(cuts(detector(), frames)).containsExactly(1.0);
    }

    @Test
    void steadyChurnIsNotACutButItsOnsetIs() {
        // frame after frame of fresh noise changes a lot, but by the same amount each time: like a
        // fade, a steady change is not a cut; the jump into it from a still picture is
        Random random = new Random(7);
        List<byte[]> frames = new ArrayList<>(repeat(solid(128, 128, 128), 25));
        for (int i = 0; i < 50; i++) {
            frames.add(noise(random));
        }
        ContentDetector detector = detector();
        assertThat(cuts(detector, frames)).containsExactly(1.0);
        assertThat(detector.lastScore()).as("noise to noise").isLessThan(ContentDetector.DEFAULT_THRESHOLD / 3);
    }
}
