package dev.highlighter.jobs.highlights;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.WindowAggregator;
import dev.highlighter.writers.WindowFeaturesWriter;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The sink of a feature step. Chunks are summed into windows as they come; the features depend
 * on the whole VOD's baseline, so they are written to their HBase family once the last chunk is
 * in, and only if the step succeeded: a failed VOD leaves no half-written rows. A failure while
 * writing fails the step (and so the VOD), not just a log line.
 */
public class WindowFlushWriter<T> implements ItemWriter<T>, StepExecutionListener {

    /** Rows per HBase batch when the features are written. */
    static final int WRITE_BATCH = 1000;
    /** Execution-context key: items the windows were made of (the step's write count is windows). */
    public static final String ITEMS_KEY = "items.written";

    /** What differs between the signals: when there is nothing to write, and what is recorded once it is written. */
    public interface Outcome {

        /** Null to write what there is, or a message: with no windows that fails the step. */
        String problem(StepExecution step, long items);

        /** Last adjustments before the features are computed, such as leaving out a failed stream. */
        default void beforeWrite(StepExecution step) {
        }

        /** False to skip writing (the step degraded and keeps no rows). */
        default boolean keep(StepExecution step) {
            return true;
        }

        /** The windows are written (or left out, see {@link #keep}): record what the step made of the VOD. */
        void done(StepExecution step, long items, long windows) throws Exception;

        /** What the step's record in the job repository keeps for the run summary, once all went well. */
        default void record(StepExecution step) {
        }
    }

    private final WindowAggregator<T> aggregator;
    private final WindowFeaturesWriter features;
    private final Outcome outcome;

    public WindowFlushWriter(WindowAggregator<T> aggregator, WindowFeaturesWriter features, Outcome outcome) {
        this.aggregator = aggregator;
        this.features = features;
        this.outcome = outcome;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        for (T item : chunk) {
            aggregator.add(item);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        try {
            step.getExecutionContext().putLong(ITEMS_KEY, aggregator.items());
            String problem = outcome.problem(step, aggregator.items());
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            long written = 0;
            if (outcome.keep(step)) {
                outcome.beforeWrite(step);
                List<WindowFeatures> windows = aggregator.features();
                for (int i = 0; i < windows.size(); i += WRITE_BATCH) {
                    features.write(new Chunk<>(windows.subList(i, Math.min(windows.size(), i + WRITE_BATCH))));
                }
                written = windows.size();
            }
            step.setWriteCount(written);
            outcome.done(step, aggregator.items(), written);
            outcome.record(step);
            return null;
        } catch (Exception e) {
            // afterStep exceptions are only logged by Spring Batch, so fail the step explicitly
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e.getMessage());
        }
    }
}
