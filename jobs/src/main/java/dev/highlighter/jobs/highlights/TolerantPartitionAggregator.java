package dev.highlighter.jobs.highlights;

import java.util.Collection;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Sums the partitions' counts like the default, but a failed VOD does not fail the stage: the
 * other VODs go on to the next stage, and the summary step fails the job at the end, naming the
 * VODs, so that a restart re-runs just those.
 */
public class TolerantPartitionAggregator implements StepExecutionAggregator {

    /** Manager execution-context key: the VODs whose partition failed in this stage. */
    public static final String FAILED_VODS = "failedVods";

    private final DefaultStepExecutionAggregator delegate = new DefaultStepExecutionAggregator();

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        delegate.aggregate(result, executions);
        List<String> failed = executions.stream()
                .filter(e -> e.getStatus() == BatchStatus.FAILED)
                .map(e -> e.getStepName().substring(e.getStepName().indexOf(':') + 1))
                .sorted()
                .toList();
        boolean onlyVodFailures = executions.stream()
                .allMatch(e -> e.getStatus() == BatchStatus.COMPLETED || e.getStatus() == BatchStatus.FAILED);
        if (!failed.isEmpty() && onlyVodFailures) {
            result.setStatus(BatchStatus.COMPLETED);
            // the exit code stays COMPLETED so the flow goes on to the next stage for the other VODs
            result.setExitStatus(ExitStatus.COMPLETED.addExitDescription("failed VODs: " + String.join(", ", failed)));
            result.getExecutionContext().putString(FAILED_VODS, String.join(",", failed));
        }
    }
}
