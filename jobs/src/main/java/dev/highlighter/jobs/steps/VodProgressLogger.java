package dev.highlighter.jobs.steps;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One log line per VOD and step: what it read, skipped and wrote, how fast, and how it ended.
 * A failed step also keeps its cause as one line in its context ({@link FailureCause}). Register
 * it first, so that its afterStep runs last and sees what the other listeners decided.
 */
public class VodProgressLogger implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("highlighter.progress");

    @Override
    public void beforeStep(StepExecution step) {
        step.getExecutionContext().remove(FailureCause.KEY); // a restart starts from the last run's context
        log.info("{} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        double rate = seconds > 0 ? step.getReadCount() / seconds : 0;
        String failure = "";
        if (step.getStatus() != BatchStatus.COMPLETED && !step.getFailureExceptions().isEmpty()) {
            String cause = FailureCause.of(step.getFailureExceptions().get(0));
            step.getExecutionContext().putString(FailureCause.KEY, cause);
            failure = ": " + cause;
        }
        log.info("{} {}: read {}, skipped {}, wrote {} in {} s ({} items/s){}", step.getStepName(), step.getStatus(),
                step.getReadCount(), step.getSkipCount(), step.getWriteCount(), String.format("%.2f", seconds),
                String.format("%.0f", rate), failure);
        return null;
    }
}
