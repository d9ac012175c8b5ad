package dev.highlighter.jobs.highlights;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** One log line per VOD and step: what it read, skipped and wrote, how fast, and how it ended. */
public class VodProgressLogger implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("highlighter.progress");

    @Override
    public void beforeStep(StepExecution step) {
        log.info("{} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        double rate = seconds > 0 ? step.getReadCount() / seconds : 0;
        String failure = step.getFailureExceptions().isEmpty() ? "" : ": " + step.getFailureExceptions().get(0).getMessage();
        log.info("{} {}: read {}, skipped {}, wrote {} in {} s ({} items/s){}", step.getStepName(), step.getStatus(),
                step.getReadCount(), step.getSkipCount(), step.getWriteCount(), String.format("%.2f", seconds),
                String.format("%.0f", rate), failure);
        return null;
    }
}
