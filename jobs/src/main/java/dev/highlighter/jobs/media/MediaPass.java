package dev.highlighter.jobs.media;

import dev.highlighter.core.MediaSink;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.media.MediaWindowAnalyzer;
import dev.highlighter.readers.media.MediaDecodeException;
import dev.highlighter.readers.media.MediaDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one decode-and-analyse pass over a VOD: the decoder (readers) feeds the analyzer
 * (processors) frame by frame, and each window is handed out once every stream has passed it,
 * so memory stays flat for any VOD length. It owns the analysis frame size and the rules that
 * say a pass did not really reach the end. The media step, the bench and the tests all use it.
 */
public final class MediaPass implements AutoCloseable {

    /** Analysis frame size: enough for cuts and motion, cheap to scale to and compare. */
    public static final int WIDTH = 128;
    public static final int HEIGHT = 72;
    /** A decode that ends this far short of the declared duration means the file is cut off. */
    static final double TRUNCATED_SHARE = 0.9;

    private final Path path;
    private final MediaDecoder decoder;
    private final MediaWindowAnalyzer analyzer;
    private final String codecs;
    /** What the decoder feeds: the analyzer, or for REFINED the GOP scanner in front of it. */
    private final MediaSink sink;
    private final GopCutScanner scanner;
    private final Deque<WindowFeatures> ready = new ArrayDeque<>();
    private boolean ended;
    private String failure;

    private MediaPass(Path path, MediaDecoder decoder, MediaWindowAnalyzer analyzer, GopCutScanner scanner) {
        this.path = path;
        this.decoder = decoder;
        this.analyzer = analyzer;
        this.scanner = scanner;
        this.sink = scanner != null ? scanner : analyzer;
        MediaDecoder.Info info = decoder.info();
        this.codecs = info.format() + ":" + info.videoCodec() + "/" + info.audioCodec();
    }

    /** @throws MediaDecodeException when the file cannot be opened; the message names it */
    public static MediaPass open(FileSystem fs, Path path, String vodId, long windowMs, MediaDecoder.VideoFrames frames) {
        return open(fs, path, vodId, windowMs, frames, 0);
    }

    /** @param threads decoder threads, 0 for FFmpeg's choice (the bench pins it to 1) */
    public static MediaPass open(FileSystem fs, Path path, String vodId, long windowMs, MediaDecoder.VideoFrames frames, int threads) {
        return open(fs, path, vodId, windowMs, frames, threads, MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S);
    }

    /**
     * @param maxRefinedGapS REFINED decodes all frames instead when keyframes are further apart:
     *                       motion between keyframes says little then, and the GOPs to scan again
     *                       are long (the tests raise it to exercise the scan on any clip)
     */
    static MediaPass open(FileSystem fs, Path path, String vodId, long windowMs, MediaDecoder.VideoFrames frames, int threads,
                          double maxRefinedGapS) {
        if (frames == MediaDecoder.VideoFrames.REFINED && MediaDecoder.probeKeyframeGap(fs, path) > maxRefinedGapS) {
            frames = MediaDecoder.VideoFrames.ALL;
        }
        MediaDecoder decoder = MediaDecoder.open(fs, path, WIDTH, HEIGHT, frames, threads);
        MediaDecoder.Info info = decoder.info();
        if (decoder.frames() == MediaDecoder.VideoFrames.REFINED) {
            MediaWindowAnalyzer analyzer = MediaWindowAnalyzer.withCutsFromOutside(vodId, windowMs, info.hasAudio(), info.hasVideo());
            return new MediaPass(path, decoder, analyzer, new GopCutScanner(fs, path, analyzer, info.frameRate(), threads));
        }
        return new MediaPass(path, decoder,
                new MediaWindowAnalyzer(vodId, windowMs, info.hasAudio(), info.hasVideo(), info.frameRate()), null);
    }

    /** A whole pass: every window to {@code windows}, in time order, then what else it found. */
    public static MediaResult run(FileSystem fs, Path path, String vodId, long windowMs, MediaDecoder.VideoFrames frames, int threads,
                                  Consumer<WindowFeatures> windows) {
        try (MediaPass pass = open(fs, path, vodId, windowMs, frames, threads)) {
            for (WindowFeatures w; (w = pass.next()) != null; ) {
                windows.accept(w);
            }
            return pass.result();
        }
    }

    public MediaDecoder.Info info() {
        return decoder.info();
    }

    /** The frames this pass decodes (AUTO resolved). */
    public MediaDecoder.VideoFrames frames() {
        return decoder.frames();
    }

    /**
     * The next window whose figures are final, or null once the pass is over.
     *
     * @throws MediaDecodeException when decoding fails or the pass falls short of the end; the
     *                              pass is then over, and no window after the failure is given
     */
    public WindowFeatures next() {
        try {
            while (ready.isEmpty() && !ended) {
                if (decoder.next(sink)) {
                    ready.addAll(analyzer.completed());
                } else {
                    if (scanner != null) {
                        scanner.finish();
                    }
                    ready.addAll(analyzer.finish());
                    ended = true;
                    checkComplete();
                }
            }
        } catch (MediaDecodeException e) {
            ready.clear();
            ended = true;
            failure = e.getMessage();
            throw e;
        }
        return ready.poll();
    }

    private void checkComplete() {
        long declared = decoder.info().durationMicros();
        long reached = analyzer.endMicros();
        if (declared > 0 && reached < declared * TRUNCATED_SHARE - 1_000_000) {
            throw new MediaDecodeException(String.format("video %s ends at %.1f s of the %.1f s its container declares: the file is truncated",
                    path, reached / 1e6, declared / 1e6));
        }
        if (analyzer.videoFrames() == 0 && decoder.info().hasVideo()) {
            throw new MediaDecodeException("video " + path + ": not one video frame could be decoded");
        }
    }

    /** What the pass has found so far; all of it once {@link #next()} has returned null. */
    public MediaResult result() {
        return new MediaResult(codecs, analyzer.videoFrames(), analyzer.cutTimesMicros(),
                ended ? analyzer.audioDropoutMicros() : -1, analyzer.endMicros(), failure,
                scanner == null ? decoder.frames().name() : decoder.frames() + ": " + scanner.summary());
    }

    @Override
    public void close() {
        if (scanner != null) {
            scanner.close();
        }
        decoder.close();
    }
}
