package dev.highlighter.jobs.steps;

import dev.highlighter.core.RejectedRecord;
import dev.highlighter.writers.QuarantineFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Sends every skipped input row to the input's quarantine file, with its line and the reason,
 * and records how many rows that was. Past the quarantine's cap the file throws
 * {@link dev.highlighter.writers.TooManyBadRowsException} from here, which fails the step.
 */
public class QuarantineSkipListener<T, S> implements SkipListener<T, S>, StepExecutionListener {

    /** Execution-context key: bad rows quarantined (a block refused as one counts its rows). */
    public static final String ROWS_KEY = "quarantine.rows";
    /** Execution-context key: the quarantine file, when it holds rows. */
    public static final String PATH_KEY = "quarantine";

    private static final Logger log = LoggerFactory.getLogger(QuarantineSkipListener.class);
    /** Rejections logged one by one before the log only counts them. */
    static final int LOGGED_REJECTIONS = 5;

    private final QuarantineFile file;

    public QuarantineSkipListener(QuarantineFile file) {
        this.file = file;
    }

    @Override
    public void beforeStep(StepExecution step) {
        try {
            file.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset quarantine file " + file.path(), e);
        }
        step.getExecutionContext().remove(PATH_KEY);
        step.getExecutionContext().putLong(ROWS_KEY, 0);
    }

    @Override
    public void onSkipInRead(Throwable t) {
        if (t instanceof RejectedRecord rejected) {
            file.record(rejected);
            if (file.rows() <= LOGGED_REJECTIONS) {
                log.warn("Quarantined {}:{}: {}", rejected.file(), rejected.line(), rejected.reason());
            }
        } else {
            log.warn("Skipped a row: {}", t.toString());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        step.getExecutionContext().putLong(ROWS_KEY, file.badRows());
        try {
            file.close();
            if (file.rows() > 0) {
                step.getExecutionContext().putString(PATH_KEY, file.path().toString());
                log.warn("{} rejected rows of step {} are in {}", file.badRows(), step.getStepName(), file.path());
            }
            return null;
        } catch (IOException e) {
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription("cannot close quarantine file " + file.path() + ": " + e.getMessage());
        }
    }
}
