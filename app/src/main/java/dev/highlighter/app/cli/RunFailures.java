package dev.highlighter.app.cli;

import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Why a run failed, in the words that name the cause, not the framework's wrapper around it. */
final class RunFailures {

    private RunFailures() {
    }

    /**
     * The summary's list of failed VODs when there is one (it names every VOD, file and reason);
     * otherwise the deepest message of the first failure, which is where the file and line are.
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
        return HighlighterCommand.oneLine(deepest(failures.get(0)));
    }

    static Throwable deepest(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        return deepest;
    }
}
