package dev.highlighter.jobs.highlights;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.media.MediaWindowAnalyzer;
import dev.highlighter.readers.media.MediaDecodeException;
import dev.highlighter.readers.media.MediaDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Raw media windows of one VOD from a single decode pass: the decoder (readers) feeds the
 * analyzer (processors), and each window is handed out once every stream has passed it.
 *
 * <p>A video that cannot be decoded fails the step, unless the VOD has chat: then the media
 * signal is dropped with a warning (recorded in the step context) and the VOD is scored on chat.
 */
public class MediaWindowItemReader implements ItemStreamReader<WindowFeatures> {

    public static final String ERROR_KEY = "media.error";
    public static final String DROPOUT_KEY = "media.audioDropoutMs";
    public static final String CODECS_KEY = "media.codecs";
    public static final String CUTS_KEY = "media.cuts";
    public static final String FRAMES_KEY = "media.videoFrames";

    /** A decode that ends this far short of the declared duration means the file is cut off. */
    static final double TRUNCATED_SHARE = 0.9;
    /** Analysis frame size: enough for cuts and motion, cheap to scale to and compare. */
    static final int WIDTH = 128;
    static final int HEIGHT = 72;

    private static final Logger log = LoggerFactory.getLogger(MediaWindowItemReader.class);

    private final FileSystem fs;
    private final Path path;
    private final String vodId;
    private final long windowMs;
    private final MediaDecoder.VideoFrames frames;
    private final boolean degradeOnError;
    private final Deque<WindowFeatures> ready = new ArrayDeque<>();
    private MediaDecoder decoder;
    private MediaWindowAnalyzer analyzer;
    private String error;
    private boolean done;

    public MediaWindowItemReader(FileSystem fs, Path path, String vodId, long windowMs, MediaDecoder.VideoFrames frames,
                                 boolean degradeOnError) {
        this.fs = fs;
        this.path = path;
        this.vodId = vodId;
        this.windowMs = windowMs;
        this.frames = frames;
        this.degradeOnError = degradeOnError;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            decoder = MediaDecoder.open(fs, path, WIDTH, HEIGHT, frames);
            MediaDecoder.Info info = decoder.info();
            analyzer = new MediaWindowAnalyzer(vodId, windowMs, info.hasAudio(), info.hasVideo(), info.frameRate());
            log.info("Decoding {} ({}: video {} at {} fps, audio {} {} Hz, {}; {} frames)", path, info.format(), info.videoCodec(),
                    String.format("%.3f", info.frameRate()), info.audioCodec(), info.sampleRate(),
                    info.durationMicros() < 0 ? "duration unknown" : String.format("%.1f s", info.durationMicros() / 1e6), decoder.frames());
        } catch (MediaDecodeException e) {
            fail(e);
        }
    }

    @Override
    public WindowFeatures read() {
        while (ready.isEmpty() && !done) {
            try {
                if (decoder.next(analyzer)) {
                    ready.addAll(analyzer.completed());
                } else {
                    ready.addAll(analyzer.finish());
                    checkComplete();
                    done = true;
                }
            } catch (MediaDecodeException e) {
                fail(e);
            }
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
        long dropout = analyzer.audioDropoutMicros();
        if (dropout >= 0) {
            log.warn("Audio of {} fails at {} s (digital silence to the end); audio features are left out", path,
                    String.format("%.1f", dropout / 1e6));
        }
    }

    private void fail(MediaDecodeException e) {
        ready.clear();
        done = true;
        if (!degradeOnError) {
            throw new ItemStreamException(e.getMessage(), e);
        }
        error = e.getMessage();
        log.warn("{}; VOD {} is scored on chat alone", error, vodId);
    }

    @Override
    public void update(ExecutionContext context) {
        if (error != null) {
            context.putString(ERROR_KEY, error);
        }
        if (decoder != null) {
            MediaDecoder.Info info = decoder.info();
            context.putString(CODECS_KEY, info.format() + ":" + info.videoCodec() + "/" + info.audioCodec());
        }
        if (analyzer != null) {
            context.putLong(CUTS_KEY, analyzer.cutTimesMicros().size());
            context.putLong(FRAMES_KEY, analyzer.videoFrames());
            if (done && analyzer.audioDropoutMicros() >= 0) {
                context.putLong(DROPOUT_KEY, analyzer.audioDropoutMicros() / 1000);
            }
        }
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
