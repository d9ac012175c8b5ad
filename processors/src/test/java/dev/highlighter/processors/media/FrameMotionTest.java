package dev.highlighter.processors.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameMotionTest {

    static final int W = 16;
    static final int H = 9;

    static byte[] solid(int w, int h, int b, int g, int r) {
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = (byte) b;
            bgr[i + 1] = (byte) g;
            bgr[i + 2] = (byte) r;
        }
        return bgr;
    }

    @Test
    void greyIsBt601Luma() {
        byte[] grey = new byte[4];
        byte[] bgr = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255};
        FrameMotion.grey(bgr, 4, grey);
        // 0.114 B + 0.587 G + 0.299 R, rounded down
        assertThat(new int[] {grey[0] & 0xFF, grey[1] & 0xFF, grey[2] & 0xFF, grey[3] & 0xFF}).containsExactly(29, 149, 76, 255);
    }

    @Test
    void firstFrameHasNothingToCompareWith() {
        assertThat(new FrameMotion().next(solid(W, H, 10, 10, 10), W * H)).isNaN();
    }

    @Test
    void aStillPictureHasNoMotion() {
        FrameMotion motion = new FrameMotion();
        motion.next(solid(W, H, 40, 90, 200), W * H);
        assertThat(motion.next(solid(W, H, 40, 90, 200), W * H)).isZero();
        assertThat(motion.next(solid(W, H, 40, 90, 200), W * H)).isZero();
    }

    @Test
    void motionIsTheMeanGreyChange() {
        FrameMotion motion = new FrameMotion();
        motion.next(solid(W, H, 100, 100, 100), W * H);
        assertThat(motion.next(solid(W, H, 150, 150, 150), W * H)).isEqualTo(50);
        // a quarter of the picture goes from grey 150 to white: 105 / 4 on average
        byte[] quarterWhite = solid(W, H, 150, 150, 150);
        Arrays.fill(quarterWhite, 0, W * H * 3 / 4, (byte) 255);
        assertThat(motion.next(quarterWhite, W * H)).isEqualTo(105 / 4.0);
        // and back: measured against the frame just before, not the first one
        assertThat(motion.next(solid(W, H, 150, 150, 150), W * H)).isEqualTo(105 / 4.0);
    }

    @Test
    void aFrameOfAnotherSizeStartsAgain() {
        FrameMotion motion = new FrameMotion();
        motion.next(solid(W, H, 0, 0, 0), W * H);
        assertThat(motion.next(solid(W / 2, H, 255, 255, 255), W / 2 * H)).isNaN();
        assertThat(motion.next(solid(W / 2, H, 0, 0, 0), W / 2 * H)).isEqualTo(255);
    }
}
