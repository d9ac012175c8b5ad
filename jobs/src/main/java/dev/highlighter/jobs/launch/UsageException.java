package dev.highlighter.jobs.launch;

/** What the user asked for cannot be: an unknown job, a root that does not exist. Exit code 2. */
public class UsageException extends IllegalArgumentException {

    public UsageException(String message) {
        super(message);
    }
}
