package dev.highlighter.jobs.highlights;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.jobs.media.MediaPass;
import dev.highlighter.jobs.media.MediaResult;
import dev.highlighter.readers.media.MediaDecodeException;
import dev.highlighter.readers.media.MediaDecoder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The media step's reader: raw media windows of one VOD from its {@link MediaPass}, and at the
 * end what else the pass found, as a {@link MediaResult} value for the step's writer.
 *
 * <p>A video that cannot be decoded fails the step, unless the VOD has chat: then the result
 * carries the failure, the media signal is dropped with a warning and the VOD is scored on chat.
 */
public class MediaWindowItemReader implements ItemStreamReader<WindowFeatures> {

    private static final Logger log = LoggerFactory.getLogger(MediaWindowItemReader.class);

    private final FileSystem fs;
    private final Path path;
    private final String vodId;
    private final long windowMs;
    private final MediaDecoder.VideoFrames frames;
    private final boolean degradeOnError;
    private MediaPass pass;
    private MediaResult unopened;
    private boolean done;
    private boolean closed;

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
            pass = MediaPass.open(fs, path, vodId, windowMs, frames);
            MediaDecoder.Info info = pass.info();
            log.info("Decoding {} ({}: video {} at {} fps, audio {} {} Hz, {}; {} frames)", path, info.format(), info.videoCodec(),
                    String.format("%.3f", info.frameRate()), info.audioCodec(), info.sampleRate(),
                    info.durationMicros() < 0 ? "duration unknown" : String.format("%.1f s", info.durationMicros() / 1e6), pass.frames());
        } catch (MediaDecodeException e) {
            unopened = MediaResult.unopened(e.getMessage());
            fail(e);
        }
    }

    @Override
    public WindowFeatures read() {
        if (done) {
            return null;
        }
        try {
            WindowFeatures window = pass.next();
            if (window == null) {
                done = true;
                MediaResult result = pass.result();
                if (result.audioDropped()) {
                    log.warn("Audio of {} fails at {} s (digital silence to the end); audio features are left out", path,
                            String.format("%.1f", result.audioDropoutMicros() / 1e6));
                }
            }
            return window;
        } catch (MediaDecodeException e) {
            fail(e);
            return null;
        }
    }

    private void fail(MediaDecodeException e) {
        done = true;
        if (!degradeOnError) {
            throw new ItemStreamException(e.getMessage(), e);
        }
        log.warn("{}; VOD {} is scored on chat alone", e.getMessage(), vodId);
    }

    /** What the pass found so far; with its failure when the VOD fell back to chat. */
    public MediaResult result() {
        return pass == null ? unopened : pass.result();
    }

    @Override
    public void close() {
        if (pass != null && !closed) {
            closed = true;
            pass.close(); // the result stays readable: it is the analyzer's, not the decoder's
        }
    }
}
