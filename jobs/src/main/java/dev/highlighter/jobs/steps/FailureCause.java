package dev.highlighter.jobs.steps;

import java.util.concurrent.ExecutionException;
import org.springframework.batch.core.step.StepExecution;

/**
 * The one line that says why a step failed: the message of the exception at the root of it, not
 * of the framework's wrappers ("Unable to process chunk"). Ours name the file, the line and the
 * cause. The line is kept in the step's context ({@link #KEY}): the job repository keeps only
 * a stack trace of a failure, cut at 2500 characters, so the summary of a later run or of a
 * restart would otherwise not see the cause at all.
 */
public final class FailureCause {

    /** Execution-context key of the line. */
    public static final String KEY = "failure";

    private FailureCause() {
    }

    public static String of(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getName();
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    /** What the step recorded, else its first failure, else the first line of its exit description. */
    public static String of(StepExecution step) {
        String recorded = step.getExecutionContext().getString(KEY, null);
        if (recorded != null) {
            return recorded;
        }
        if (!step.getFailureExceptions().isEmpty()) {
            return of(step.getFailureExceptions().get(0));
        }
        String description = step.getExitStatus().getExitDescription();
        if (description == null || description.isBlank()) {
            return step.getStatus().toString();
        }
        int newline = description.indexOf('\n');
        return newline > 0 ? description.substring(0, newline) : description;
    }

    /** Spring's exceptions around a cause (chunk, skip, retry, stream) say less than the cause. */
    private static boolean isWrapper(Throwable t) {
        return t.getClass().getName().startsWith("org.springframework.") || t instanceof ExecutionException;
    }
}
