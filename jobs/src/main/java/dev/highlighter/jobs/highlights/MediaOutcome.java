package dev.highlighter.jobs.highlights;

import dev.highlighter.processors.media.MediaWindowAggregator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;

/**
 * The media step's rules: a degraded VOD keeps no media rows; a failed audio stream leaves the
 * audio features out; the vods row says which.
 */
class MediaOutcome implements WindowFlushWriter.Outcome {

    private final String videoPath;
    private final MediaWindowAggregator aggregator;

    MediaOutcome(String videoPath, MediaWindowAggregator aggregator) {
        this.videoPath = videoPath;
        this.aggregator = aggregator;
    }

    @Override
    public String problem(StepExecution step, long windows) {
        return windows == 0 && keep(step) ? "video " + videoPath + " gave no media windows" : null;
    }

    @Override
    public boolean keep(StepExecution step) {
        return !step.getExecutionContext().containsKey(MediaWindowItemReader.ERROR_KEY);
    }

    @Override
    public void beforeWrite(StepExecution step) {
        if (step.getExecutionContext().containsKey(MediaWindowItemReader.DROPOUT_KEY)) {
            aggregator.dropAudio();
        }
    }

    @Override
    public Map<String, Object> vodColumns(StepExecution step, long rawWindows, long windows) {
        var context = step.getExecutionContext();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("video_path", videoPath);
        status.put("media_codecs", context.getString(MediaWindowItemReader.CODECS_KEY, ""));
        status.put("media_windows", windows);
        status.put("media_cuts", context.getLong(MediaWindowItemReader.CUTS_KEY, 0L));
        if (!keep(step)) {
            status.put("media_status", "DEGRADED_TO_CHAT");
            status.put("media_error", context.getString(MediaWindowItemReader.ERROR_KEY));
        } else if (context.containsKey(MediaWindowItemReader.DROPOUT_KEY)) {
            status.put("media_status", "AUDIO_DROPPED");
            status.put("media_error", "audio fails at " + context.getLong(MediaWindowItemReader.DROPOUT_KEY) + " ms");
        } else {
            status.put("media_status", "OK");
            status.put("media_error", "");
        }
        status.put("last_job_execution", step.getJobExecutionId());
        return status;
    }
}
