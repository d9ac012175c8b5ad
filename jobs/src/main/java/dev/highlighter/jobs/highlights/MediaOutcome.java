package dev.highlighter.jobs.highlights;

import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.processors.media.MediaWindowAggregator;
import dev.highlighter.writers.VodStatusWriter;
import org.springframework.batch.core.step.StepExecution;

/**
 * The media step's rules: a degraded VOD keeps no media rows; a failed audio stream leaves the
 * audio features out; the vods row says which.
 */
class MediaOutcome implements WindowFlushWriter.Outcome {

    private final VodStatusWriter vods;
    private final String vodId;
    private final String videoPath;
    private final MediaWindowAggregator aggregator;

    MediaOutcome(VodStatusWriter vods, String vodId, String videoPath, MediaWindowAggregator aggregator) {
        this.vods = vods;
        this.vodId = vodId;
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
    public void done(StepExecution step, long rawWindows, long windows) throws Exception {
        var context = step.getExecutionContext();
        MediaStatus status;
        String error = null;
        if (!keep(step)) {
            status = MediaStatus.DEGRADED_TO_CHAT;
            error = context.getString(MediaWindowItemReader.ERROR_KEY);
        } else if (context.containsKey(MediaWindowItemReader.DROPOUT_KEY)) {
            status = MediaStatus.AUDIO_DROPPED;
            error = "audio fails at " + context.getLong(MediaWindowItemReader.DROPOUT_KEY) + " ms";
        } else {
            status = MediaStatus.OK;
        }
        vods.mediaDone(vodId, videoPath, status, error, new VodStatusWriter.MediaCounts(context.getString(MediaWindowItemReader.CODECS_KEY, ""),
                windows, context.getLong(MediaWindowItemReader.CUTS_KEY, 0L)), step.getJobExecutionId());
    }
}
