package dev.highlighter.readers.media;

import dev.highlighter.core.MediaSink;
import dev.highlighter.core.io.SeekableFsInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One decode pass over a VOD on any Hadoop FileSystem, read through a seekable stream (never
 * buffered whole). Frames are scaled by FFmpeg to a small analysis size and handed to a
 * {@link MediaSink} with audio as float samples. Errors name the file and what is wrong.
 */
public final class MediaDecoder implements AutoCloseable {

    /** Which video frames to decode; audio is always decoded in full. */
    public enum VideoFrames {
        /**
         * Keyframes only when the stream has one at least every {@link #AUTO_MAX_KEYFRAME_GAP_S}
         * (Twitch and most encoders: 2 s, and a keyframe at each scene cut), all frames otherwise.
         */
        AUTO("default"),
        /** Every frame: exact cut times. */
        ALL("default"),
        /** Skip B-frames: cheaper, cuts still placed to a frame or two. */
        NO_BFRAMES("bidir"),
        /** Keyframes only: the cheapest; cuts only where an encoder put a keyframe. */
        KEYFRAMES("nokey"),
        /**
         * Keyframes, and every frame of the GOPs whose keyframes differ enough to hold a cut
         * (decoded again by a second decoder that seeks there): cuts as with ALL, at a fraction of
         * the cost. Motion is measured between keyframes. The media pass decodes all frames instead
         * when keyframes are more than {@link #AUTO_MAX_KEYFRAME_GAP_S} apart.
         */
        REFINED("nokey");

        final String skipFrame;

        VideoFrames(String skipFrame) {
            this.skipFrame = skipFrame;
        }
    }

    /** What the container says about the VOD; durationMicros is -1 when it does not say. */
    public record Info(String format, String videoCodec, String audioCodec, double frameRate, int sampleRate,
                       int audioChannels, long durationMicros) {

        public boolean hasVideo() {
            return videoCodec != null && !videoCodec.isEmpty();
        }

        public boolean hasAudio() {
            return audioCodec != null && !audioCodec.isEmpty();
        }
    }

    /** Keyframes this close together are enough to measure cuts and motion (measured: README). */
    public static final double AUTO_MAX_KEYFRAME_GAP_S = 2.5;
    /** How much of the start of a VOD the keyframe probe looks at. */
    static final double PROBE_SECONDS = 20;

    /** FFmpeg's code for "Invalid data found when processing input". */
    private static final int AVERROR_INVALIDDATA = -1094995529;

    static {
        // FFmpeg's own log goes to stderr by default; route it through our logging, errors only
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    private final String file;
    private final FFmpegFrameGrabber grabber;
    private final Info info;
    private VideoFrames frames;
    private byte[] pixels;
    private long lastTimestamp = -1;

    private MediaDecoder(String file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        this.info = new Info(grabber.getFormat(), grabber.getVideoCodecName(), grabber.getAudioCodecName(),
                grabber.getVideoFrameRate(), grabber.getSampleRate(), grabber.getAudioChannels(),
                grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() : -1);
    }

    public static MediaDecoder open(FileSystem fs, Path path, int width, int height, VideoFrames frames) {
        return open(fs, path, width, height, frames, 0);
    }

    /** @param threads decoder threads, 0 for FFmpeg's choice (benchmarks pin it to 1) */
    public static MediaDecoder open(FileSystem fs, Path path, int width, int height, VideoFrames frames, int threads) {
        String file = path.toString();
        long length;
        try {
            length = fs.getFileStatus(path).getLen();
        } catch (IOException e) {
            throw new MediaDecodeException("cannot open video " + file + ": " + e.getMessage(), e);
        }
        if (length == 0) {
            throw new MediaDecodeException("video " + file + " is empty (0 bytes)");
        }
        FFmpegFrameGrabber grabber;
        try {
            grabber = new FFmpegFrameGrabber(new SeekableFsInputStream(fs.open(path), length), Integer.MAX_VALUE - 8);
        } catch (IOException e) {
            throw new MediaDecodeException("cannot open video " + file + ": " + e.getMessage(), e);
        }
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        if (frames == VideoFrames.AUTO) {
            frames = probeKeyframeGap(fs, path, length) <= AUTO_MAX_KEYFRAME_GAP_S ? VideoFrames.KEYFRAMES : VideoFrames.ALL;
        }
        grabber.setVideoOption("skip_frame", frames.skipFrame);
        // the deblocking filter only smooths block edges, which a 128x72 analysis frame cannot see;
        // skipping it makes H.264 decoding about a fifth cheaper
        grabber.setVideoOption("skip_loop_filter", "all");
        // nearest-neighbour scaling is enough for colour and motion statistics, and cheapest
        grabber.setImageScalingFlags(org.bytedeco.ffmpeg.global.swscale.SWS_POINT);
        if (threads > 0) {
            grabber.setVideoOption("threads", String.valueOf(threads));
            grabber.setAudioOption("threads", String.valueOf(threads));
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new MediaDecodeException("video " + file + " (" + length + " bytes) cannot be opened by FFmpeg: "
                    + (looksLikeText(fs, path) ? "not a media file FFmpeg can read (it is text)" : explain(e)), e);
        }
        MediaDecoder decoder = new MediaDecoder(file, grabber);
        decoder.frames = frames;
        if (!decoder.info.hasVideo() && !decoder.info.hasAudio()) {
            decoder.close();
            throw new MediaDecodeException("video " + file + " has neither a video nor an audio stream");
        }
        return decoder;
    }

    public Info info() {
        return info;
    }

    /** The frames this pass decodes (AUTO resolved). */
    public VideoFrames frames() {
        return frames;
    }

    /** The largest gap between keyframes in the first seconds, from packets alone (no decoding). */
    public static double probeKeyframeGap(FileSystem fs, Path path) {
        try {
            return probeKeyframeGap(fs, path, fs.getFileStatus(path).getLen());
        } catch (IOException e) {
            return Double.MAX_VALUE; // the real pass reports what is wrong with the file
        }
    }

    static double probeKeyframeGap(FileSystem fs, Path path, long length) {
        try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(new SeekableFsInputStream(fs.open(path), length), Integer.MAX_VALUE - 8)) {
            probe.start();
            int stream = probe.getVideoStream();
            if (stream < 0) {
                return Double.MAX_VALUE;
            }
            double tb = org.bytedeco.ffmpeg.global.avutil.av_q2d(probe.getFormatContext().streams(stream).time_base());
            double last = -1;
            double gap = 0;
            int keys = 0;
            for (org.bytedeco.ffmpeg.avcodec.AVPacket p; (p = probe.grabPacket()) != null; ) {
                boolean key = p.stream_index() == stream && (p.flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY) != 0;
                double t = p.pts() * tb;
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(p);
                if (key) {
                    gap = last < 0 ? gap : Math.max(gap, t - last);
                    last = t;
                    keys++;
                }
                if (t > PROBE_SECONDS) {
                    break;
                }
            }
            probe.stop();
            return keys < 2 ? Double.MAX_VALUE : gap;
        } catch (IOException | RuntimeException e) {
            return Double.MAX_VALUE; // the real pass reports what is wrong with the file
        }
    }

    public String file() {
        return file;
    }

    /** Time of the last frame decoded, in microseconds; -1 before the first. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** Decodes the next frame into the sink; false at the end of the file. */
    public boolean next(MediaSink sink) {
        Frame frame;
        try {
            frame = grabber.grab();
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("video " + file + ": decoding failed after " + seconds(lastTimestamp) + ": " + explain(e), e);
        }
        if (frame == null) {
            return false;
        }
        lastTimestamp = Math.max(lastTimestamp, frame.timestamp);
        if (frame.image != null && frame.imageWidth > 0) {
            sink.video(frame.timestamp, packed(frame), frame.imageWidth, frame.imageHeight);
        } else if (frame.samples != null && frame.samples[0] instanceof FloatBuffer buffer) {
            float[] samples = new float[buffer.remaining()];
            buffer.duplicate().get(samples);
            sink.audio(frame.timestamp, samples, frame.audioChannels, frame.sampleRate);
        }
        return true;
    }

    /**
     * Moves to about {@code micros} for {@link #nextImage}: the frames given next start at or a
     * little before it (FFmpeg seeks to the keyframe before and decodes on).
     */
    public void seek(long micros) {
        try {
            grabber.setVideoTimestamp(Math.max(0, micros));
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("video " + file + ": seeking to " + seconds(micros) + " failed: " + explain(e), e);
        }
    }

    /** Decodes the next video frame into the sink, skipping audio; false at the end of the file. */
    public boolean nextImage(MediaSink sink) {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("video " + file + ": decoding failed after " + seconds(lastTimestamp) + ": " + explain(e), e);
        }
        if (frame == null) {
            return false;
        }
        lastTimestamp = frame.timestamp;
        sink.video(frame.timestamp, packed(frame), frame.imageWidth, frame.imageHeight);
        return true;
    }

    /** BGR rows without the stride padding FFmpeg may add, in a buffer reused for every frame. */
    private byte[] packed(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int row = w * 3;
        if (pixels == null || pixels.length != row * h) {
            pixels = new byte[row * h];
        }
        ByteBuffer src = ((ByteBuffer) frame.image[0]).duplicate();
        for (int y = 0; y < h; y++) {
            src.position(y * frame.imageStride);
            src.get(pixels, y * row, row);
        }
        return pixels;
    }

    static String seconds(long micros) {
        return micros < 0 ? "0 s" : String.format(java.util.Locale.ROOT, "%.2f s", micros / 1e6);
    }

    private static String explain(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains(String.valueOf(AVERROR_INVALIDDATA))) {
            return "not a media file FFmpeg can read (invalid data found when processing input)";
        }
        int hint = m.indexOf(" (Has setFormat()");
        return hint > 0 ? m.substring(0, hint) : m;
    }

    /** A text file with a video's name is a common upload mistake; say so plainly. */
    private static boolean looksLikeText(FileSystem fs, Path path) {
        try (var in = fs.open(path)) {
            byte[] head = in.readNBytes(512);
            for (byte b : head) {
                if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                    return false;
                }
            }
            return head.length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (Exception ignored) {
            // nothing more to do with a grabber that failed to start
        }
    }

    @Override
    public void close() {
        try {
            grabber.stop();
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("closing video " + file + " failed: " + e.getMessage(), e);
        }
    }
}
