package dev.highlighter.jobs.media;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A VOD with known answers: solid-colour scenes with hard cuts at given seconds, and a quiet
 * 440 Hz tone that is loud during given 5 s windows. Written by JavaCV's recorder, which puts the
 * mp4 index (moov) at the end of the file.
 */
final class GeneratedVod {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FPS = 25;
    static final int RATE = 44100;
    static final double QUIET = 0.01;
    static final double LOUD = 0.5;

    static void write(Path file, int seconds, List<Integer> cutsAt, List<Integer> loudWindowStarts) throws Exception {
        // dark blue, bright yellow, grey, green: each pair differs in value and saturation, not only hue
        int[][] colours = {{80, 20, 20}, {40, 230, 230}, {128, 128, 128}, {20, 160, 20}};
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS * 2);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setAudioBitrate(128_000);
            recorder.setSampleRate(RATE);
            recorder.setAudioChannels(1);
            recorder.start();
            Frame image = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            int perFrame = RATE / FPS;
            for (int f = 0; f < seconds * FPS; f++) {
                double t = (double) f / FPS;
                int scene = (int) cutsAt.stream().filter(c -> t >= c).count();
                fill((ByteBuffer) image.image[0], image.imageStride, colours[scene % colours.length]);
                recorder.record(image);
                short[] samples = new short[perFrame];
                for (int i = 0; i < perFrame; i++) {
                    double ts = t + (double) i / RATE;
                    boolean loud = loudWindowStarts.stream().anyMatch(w -> ts >= w && ts < w + 5);
                    samples[i] = (short) (32767 * (loud ? LOUD : QUIET) * Math.sin(2 * Math.PI * 440 * (f * perFrame + i) / RATE));
                }
                recorder.recordSamples(RATE, 1, ShortBuffer.wrap(samples));
            }
            recorder.stop();
        }
    }

    private static void fill(ByteBuffer pixels, int stride, int[] bgr) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * stride + x * 3;
                pixels.put(i, (byte) bgr[0]);
                pixels.put(i + 1, (byte) bgr[1]);
                pixels.put(i + 2, (byte) bgr[2]);
            }
        }
    }

    /** dBFS of a full-scale-relative sine of this amplitude: RMS is amplitude / sqrt(2). */
    static double sineDb(double amplitude) {
        return 20 * Math.log10(amplitude / Math.sqrt(2));
    }

    private GeneratedVod() {
    }
}
