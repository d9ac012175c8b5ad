package dev.highlighter.jobs.highlights;

import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.jobs.media.MediaResult;
import dev.highlighter.processors.media.MediaWindowAggregator;
import dev.highlighter.writers.VodStatusWriter;
import java.util.function.Supplier;
import org.springframework.batch.core.step.StepExecution;

/**
 * The media step's rules, from the pass's {@link MediaResult}: a degraded VOD keeps no media
 * rows; a failed audio stream leaves the audio features out; the vods row says which.
 */
class MediaOutcome implements WindowFlushWriter.Outcome {

    /** The step's record for the run summary: why a VOD was scored on chat alone. */
    static final String DEGRADED_KEY = "media.error";

    private final VodStatusWriter vods;
    private final String vodId;
    private final String videoPath;
    private final MediaWindowAggregator aggregator;
    private final Supplier<MediaResult> pass;

    /** @param pass the result of the step's media pass, asked for once the step has read everything */
    MediaOutcome(VodStatusWriter vods, String vodId, String videoPath, MediaWindowAggregator aggregator, Supplier<MediaResult> pass) {
        this.vods = vods;
        this.vodId = vodId;
        this.videoPath = videoPath;
        this.aggregator = aggregator;
        this.pass = pass;
    }

    @Override
    public String problem(StepExecution step, long windows) {
        return windows == 0 && keep(step) ? "video " + videoPath + " gave no media windows" : null;
    }

    @Override
    public boolean keep(StepExecution step) {
        return pass.get().completed();
    }

    @Override
    public void beforeWrite(StepExecution step) {
        if (pass.get().audioDropped()) {
            aggregator.dropAudio();
        }
    }

    @Override
    public void done(StepExecution step, long rawWindows, long windows) throws Exception {
        MediaResult result = pass.get();
        MediaStatus status;
        String error = null;
        if (!result.completed()) {
            status = MediaStatus.DEGRADED_TO_CHAT;
            error = result.failure();
        } else if (result.audioDropped()) {
            status = MediaStatus.AUDIO_DROPPED;
            error = "audio fails at " + result.audioDropoutMicros() / 1000 + " ms";
        } else {
            status = MediaStatus.OK;
        }
        vods.mediaDone(vodId, videoPath, status, error, new VodStatusWriter.MediaCounts(result.codecs(), windows, result.cuts()),
                step.getJobExecutionId());
    }

    @Override
    public void record(StepExecution step) {
        MediaResult result = pass.get();
        if (result.completed()) {
            step.getExecutionContext().remove(DEGRADED_KEY); // a restart copies the last run's context
        } else {
            step.getExecutionContext().putString(DEGRADED_KEY, result.failure());
        }
    }
}
