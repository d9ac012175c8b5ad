package dev.highlighter.jobs.launch;

/** Another live process runs this job and date; the message names it. */
public class RunBusyException extends RuntimeException {

    public RunBusyException(String message) {
        super(message);
    }
}
