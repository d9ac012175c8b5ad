package dev.highlighter.writers.reel;

import dev.highlighter.core.io.SeekableFsInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts segments out of a VOD and joins them into one mp4. Where every segment starts on (or just
 * after) a keyframe, packets are copied: no quality loss, no encoding time, and the cut moves
 * back to that keyframe. Otherwise the segments are decoded and re-encoded (H.264 through
 * openh264, and AAC).
 */
public final class ReelCutter {

    /** A segment may start this much before its highlight to land on a keyframe and be copied. */
    static final double KEYFRAME_SLACK_S = 1.0;

    private static final Logger log = LoggerFactory.getLogger(ReelCutter.class);

    private ReelCutter() {
    }

    /** Writes the reel to a local file and returns what it holds. */
    public static ReelPlan cut(FileSystem fs, org.apache.hadoop.fs.Path video, String vodId, List<double[]> segments,
                               List<Integer> ranks, Path out) throws IOException {
        List<Double> keyframes = keyframes(fs, video);
        List<double[]> copyable = new ArrayList<>();
        for (double[] s : segments) {
            double key = -1;
            for (double k : keyframes) {
                if (k <= s[0] + 1e-3 && k >= s[0] - KEYFRAME_SLACK_S) {
                    key = k;
                }
            }
            copyable.add(key < 0 ? null : new double[] {key, s[1]});
        }
        if (!copyable.contains(null)) {
            try {
                copy(fs, video, copyable, out);
                return ReelPlan.of(vodId, video.toString(), "copy", copyable, ranks);
            } catch (IOException | RuntimeException e) {
                log.warn("Stream copy of {} failed ({}); re-encoding", video, e.getMessage());
            }
        }
        reencode(fs, video, segments, out);
        return ReelPlan.of(vodId, video.toString(), "reencode", segments, ranks);
    }

    private static FFmpegFrameGrabber grabber(FileSystem fs, org.apache.hadoop.fs.Path video) throws IOException {
        long length = fs.getFileStatus(video).getLen();
        return new FFmpegFrameGrabber(new SeekableFsInputStream(fs.open(video), length), Integer.MAX_VALUE - 8);
    }

    /** Keyframe times of the video stream, from one demux pass (no decoding). */
    static List<Double> keyframes(FileSystem fs, org.apache.hadoop.fs.Path video) throws IOException {
        List<Double> keys = new ArrayList<>();
        try (FFmpegFrameGrabber g = grabber(fs, video)) {
            g.start();
            int stream = g.getVideoStream();
            AVStream s = g.getFormatContext().streams(stream);
            double tb = avutil.av_q2d(s.time_base());
            for (AVPacket p; (p = g.grabPacket()) != null; ) {
                if (p.stream_index() == stream && (p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0 && p.pts() != avutil.AV_NOPTS_VALUE) {
                    keys.add(p.pts() * tb);
                }
                avcodec.av_packet_unref(p);
            }
            g.stop();
        }
        return keys;
    }

    private static void copy(FileSystem fs, org.apache.hadoop.fs.Path video, List<double[]> segments, Path out) throws IOException {
        try (FFmpegFrameGrabber g = grabber(fs, video)) {
            g.start();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), g.getImageWidth(), g.getImageHeight(), g.getAudioChannels())) {
                r.setFormat("mp4");
                r.start(g.getFormatContext());
                double reelOffset = 0;
                for (double[] s : segments) {
                    g.setTimestamp((long) (s[0] * 1e6), true);
                    double[] firstTs = new double[g.getFormatContext().nb_streams()];
                    java.util.Arrays.fill(firstTs, Double.NaN);
                    for (AVPacket p; (p = g.grabPacket()) != null; ) {
                        int si = p.stream_index();
                        double tb = avutil.av_q2d(g.getFormatContext().streams(si).time_base());
                        double t = (p.pts() == avutil.AV_NOPTS_VALUE ? p.dts() : p.pts()) * tb;
                        if (t >= s[1] && si == g.getVideoStream()) {
                            avcodec.av_packet_unref(p);
                            break;
                        }
                        if (t < s[0] - 1e-3 || t >= s[1]) {
                            avcodec.av_packet_unref(p);
                            continue;
                        }
                        long shift = Math.round((reelOffset - s[0]) / tb);
                        p.pts(p.pts() + shift);
                        p.dts(p.dts() + shift);
                        r.recordPacket(p);
                    }
                    reelOffset += s[1] - s[0];
                }
                r.stop();
            }
            g.stop();
        }
    }

    private static void reencode(FileSystem fs, org.apache.hadoop.fs.Path video, List<double[]> segments, Path out) throws IOException {
        try (FFmpegFrameGrabber g = grabber(fs, video)) {
            g.start();
            int audioChannels = g.getAudioChannels();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), g.getImageWidth(), g.getImageHeight(), audioChannels)) {
                r.setFormat("mp4");
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264); // openh264 in the LGPL build
                r.setVideoBitrate(Math.max(1_000_000, g.getVideoBitrate()));
                r.setFrameRate(g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : 30);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                if (audioChannels > 0) {
                    r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                    r.setSampleRate(g.getSampleRate());
                    r.setAudioBitrate(128_000);
                }
                r.start();
                for (double[] s : segments) {
                    g.setTimestamp((long) (s[0] * 1e6));
                    for (Frame f; (f = g.grab()) != null; ) {
                        double t = f.timestamp / 1e6;
                        if (t >= s[1]) {
                            if (f.image != null) {
                                break;
                            }
                            continue;
                        }
                        if (t < s[0]) {
                            continue;
                        }
                        if (f.image != null) {
                            // frames are numbered in order at the source rate, so the reel's clock runs on
                            r.record(f);
                        } else if (f.samples != null && audioChannels > 0) {
                            r.recordSamples(f.sampleRate, f.audioChannels, f.samples);
                        }
                    }
                }
                r.stop();
            }
            g.stop();
        }
    }
}
