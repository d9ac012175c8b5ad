package dev.highlighter.jobs.launch;

/**
 * A run found nothing to process, such as a date with no VODs. It fails the run (so the date is
 * not marked done, and a later run with the inputs present processes it), and the run's exit
 * code in the repository is {@code NOOP} rather than FAILED.
 */
public class NothingToDoException extends RuntimeException {

    public static final String EXIT_CODE = "NOOP";

    public NothingToDoException(String message) {
        super(message);
    }

    /** The exception that made a run a no-op, if that is why it failed. */
    public static java.util.Optional<NothingToDoException> in(org.springframework.batch.core.job.JobExecution execution) {
        for (Throwable e : execution.getAllFailureExceptions()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NothingToDoException noop) {
                    return java.util.Optional.of(noop);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
