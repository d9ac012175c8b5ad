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
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * The sink of a feature step. Chunks are summed into windows as they come; the features depend
 * on the whole VOD's baseline, so they are written to their HBase family once the last chunk is
 * in, and only if the step succeeded: a failed VOD leaves no half-written rows. A failure while
 * writing fails the step (and so the VOD), not just a log line.
 * <p>
 * The features are written inside the step's last chunk transaction, when the reader has said
 * it has no more items ({@link #signalling}), not in {@code afterStep}: Spring Batch 6 records the
 * step COMPLETED before it calls {@code afterStep}, so a process killed (or a disk that filled)
 * while the features were being written left a VOD marked done with no rows, which every later
 * restart skipped. Now the step is only recorded COMPLETED once its rows are in HBase.
 */
public class WindowFlushWriter<T> implements ItemStreamWriter<T>, StepExecutionListener {

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

    private StepExecution step;
    private volatile boolean inputEnded;
    private boolean flushed;

    /**
     * The step's reader, telling the writer of the same step when it has read its last item. Both
     * are step-scoped proxies: the decorator is made once, each call reaches the running step's own.
     */
    public static <I> ItemStreamReader<I> signalling(ItemStreamReader<I> reader, WindowFlushWriter<?> writer) {
        return new ItemStreamReader<>() {
            @Override
            public I read() throws Exception {
                I item = reader.read();
                if (item == null) {
                    writer.inputEnded();
                }
                return item;
            }

            @Override
            public void open(ExecutionContext context) {
                reader.open(context);
            }

            @Override
            public void update(ExecutionContext context) {
                reader.update(context);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /** The reader has no more items: the chunk being committed is the last one. */
    public void inputEnded() {
        inputEnded = true;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
    }

    @Override
    public void write(Chunk<? extends T> chunk) {
        for (T item : chunk) {
            aggregator.add(item);
        }
    }

    /** Called in every chunk's transaction after the reader's own update; the last one writes the features. */
    @Override
    public void update(ExecutionContext context) {
        if (inputEnded && !flushed && step != null) {
            try {
                flush(step);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ItemStreamException(e.getMessage(), e);
            }
        }
    }

    /** Only for a reader that was not {@link #signalling} (the features were not written in the last chunk). */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED || flushed) {
            return null;
        }
        try {
            flush(step);
            return null;
        } catch (Exception e) {
            // afterStep exceptions are only logged by Spring Batch, so fail the step explicitly
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e.getMessage());
        }
    }

    private void flush(StepExecution step) throws Exception {
        flushed = true;
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
    }
}
