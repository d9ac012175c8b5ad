package dev.highlighter.app.demo;

import dev.highlighter.core.HdfsLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A sample day for the demo: a short VOD rendered with JavaCV (FFmpeg), with loud flashes at
 * known moments, and a chat log whose reactions burst a few seconds after each of them, as real
 * chat does. Seeded, so every demo is the same.
 */
public final class DemoDay {

    public static final String CHANNEL = "demo";
    public static final String VOD_ID = "demo-vod-1";
    /** Length of the sample VOD. */
    public static final int DURATION_S = 180;
    /** When the events happen; chat reacts 5 to 15 s later. */
    public static final List<Integer> EVENTS_S = List.of(40, 95, 150);

    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FPS = 15;
    static final int SAMPLE_RATE = 22050;

    private DemoDay() {
    }

    /** Writes the VOD, its chat and the _SUCCESS marker into the date's partition. */
    public static Path write(FileSystem fs, HdfsLayout layout, LocalDate date) throws IOException {
        Path partition = layout.vodPartition(CHANNEL, date);
        fs.mkdirs(partition);
        java.nio.file.Path video = Files.createTempFile("highlighter-demo", ".mp4");
        try {
            renderVideo(video);
            fs.copyFromLocalFile(false, true, new Path(video.toUri()), new Path(partition, VOD_ID + ".mp4"));
        } finally {
            Files.deleteIfExists(video);
        }
        try (OutputStream out = fs.create(new Path(partition, VOD_ID + ".chat.jsonl"), true)) {
            out.write(chat().getBytes(StandardCharsets.UTF_8));
        }
        fs.create(new Path(partition, HdfsLayout.SUCCESS_MARKER), true).close();
        return partition;
    }

    static String chat() {
        Random random = new Random(42);
        String[] idle = {"hi chat", "what rank is he", "nice stream", "lol", "first time here", "song name?", "gl"};
        String[] hype = {"POGGERS", "KEKW", "WOW", "Pog", "OMEGALUL", "LUL LUL LUL", "ㅋㅋㅋㅋㅋ", "NO WAY!!!", "CLIP IT"};
        StringBuilder out = new StringBuilder();
        for (double t = 0; t < DURATION_S; t += 1.5 + random.nextDouble() * 2) {
            out.append(line(t, "viewer" + random.nextInt(40), idle[random.nextInt(idle.length)]));
        }
        for (int event : EVENTS_S) {
            for (int i = 0; i < 60; i++) {
                double t = event + 5 + random.nextDouble() * 10;
                out.append(line(t, "fan" + random.nextInt(200), hype[random.nextInt(hype.length)]));
            }
        }
        return out.toString();
    }

    private static String line(double t, String user, String text) {
        return String.format(Locale.ROOT, "{\"t\": %.3f, \"user\": \"%s\", \"text\": \"%s\"}%n", t, user, text);
    }

    private static void renderVideo(java.nio.file.Path file) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 1)) {
            recorder.setFormat("mp4");
            // MPEG-4 part 2 is built into every FFmpeg; the demo needs no external encoder
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoBitrate(400_000);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS * 2);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(1);
            recorder.start();
            Frame image = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            Random random = new Random(7);
            int samplesPerFrame = SAMPLE_RATE / FPS;
            for (int f = 0; f < DURATION_S * FPS; f++) {
                double t = (double) f / FPS;
                boolean event = EVENTS_S.stream().anyMatch(e -> t >= e && t < e + 3);
                paint((ByteBuffer) image.image[0], image.imageStride, f, event);
                recorder.record(image);
                short[] samples = new short[samplesPerFrame];
                double amplitude = event ? 20_000 : 1_500;
                for (int i = 0; i < samples.length; i++) {
                    double s = Math.sin(2 * Math.PI * 440 * (f * samplesPerFrame + i) / SAMPLE_RATE);
                    samples[i] = (short) (amplitude * (0.7 * s + 0.3 * (random.nextDouble() * 2 - 1)));
                }
                recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples));
            }
            recorder.stop();
        }
    }

    /** A slowly moving gradient; white flashes during events. */
    private static void paint(ByteBuffer pixels, int stride, int frame, boolean event) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * stride + x * 3;
                byte v = (byte) (event ? 255 : (x + y + frame) & 0x7F);
                pixels.put(i, v);
                pixels.put(i + 1, event ? v : (byte) (y & 0xFF));
                pixels.put(i + 2, event ? v : (byte) (x & 0xFF));
            }
        }
    }
}
