package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.media.MediaResult;
import dev.highlighter.processors.media.MediaWindowAggregator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.step.StepExecution;

/**
 * The media step's rules, from the pass's {@link MediaResult}: a degraded VOD keeps no media
 * rows; a failed audio stream leaves the audio features out; the vods row says which.
 */
class MediaOutcome implements WindowFlushWriter.Outcome {

    /** The step's record for the run summary: why a VOD was scored on chat alone. */
    static final String DEGRADED_KEY = "media.error";

    private final String videoPath;
    private final MediaWindowAggregator aggregator;
    private final Supplier<MediaResult> pass;

    /** @param pass the result of the step's media pass, asked for once the step has read everything */
    MediaOutcome(String videoPath, MediaWindowAggregator aggregator, Supplier<MediaResult> pass) {
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
    public Map<String, Object> vodColumns(StepExecution step, long rawWindows, long windows) {
        MediaResult result = pass.get();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("video_path", videoPath);
        status.put("media_codecs", result.codecs());
        status.put("media_windows", windows);
        status.put("media_cuts", result.cuts());
        if (!result.completed()) {
            status.put("media_status", "DEGRADED_TO_CHAT");
            status.put("media_error", result.failure());
        } else if (result.audioDropped()) {
            status.put("media_status", "AUDIO_DROPPED");
            status.put("media_error", "audio fails at " + result.audioDropoutMicros() / 1000 + " ms");
        } else {
            status.put("media_status", "OK");
            status.put("media_error", "");
        }
        status.put("last_job_execution", step.getJobExecutionId());
        return status;
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
