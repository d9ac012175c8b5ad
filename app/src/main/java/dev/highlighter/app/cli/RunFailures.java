package dev.highlighter.app.cli;

import dev.highlighter.jobs.steps.FailureCause;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Why a run failed, in the words that name the cause, not the framework's wrapper around it. */
final class RunFailures {

    private RunFailures() {
    }

    /**
     * The summary's list of failed VODs when there is one (it names every VOD, file and reason);
     * otherwise the cause under the framework's wrappers of the first failure, which names the file and line.
     */
    static String describe(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals("summary") && !step.getFailureExceptions().isEmpty()) {
                return step.getFailureExceptions().get(0).getMessage();
            }
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            String description = execution.getExitStatus().getExitDescription();
            return description == null || description.isBlank() ? execution.getStatus().toString() : description;
        }
        return FailureCause.of(failures.get(0));
    }
}
