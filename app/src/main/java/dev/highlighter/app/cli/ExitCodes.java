package dev.highlighter.app.cli;

import dev.highlighter.jobs.launch.NothingToDoException;
import dev.highlighter.jobs.launch.RunBusyException;
import dev.highlighter.jobs.launch.UsageException;

/** The process's exit codes, as the README lists them; a CronJob or a script can act on each. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** A run failed; the message names what and why. */
    public static final int FAILED = 1;
    /** Bad usage: unknown command, job or option, a root that does not exist. */
    public static final int USAGE = 2;
    /** Another live process runs this job and date (or took the scheduled run). */
    public static final int BUSY = 3;
    /** There was nothing to process (a date with no VODs); nothing is marked done. */
    public static final int NOOP = 4;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsageException) {
                return USAGE;
            }
            if (t instanceof RunBusyException) {
                return BUSY;
            }
            if (t instanceof NothingToDoException) {
                return NOOP;
            }
        }
        return FAILED;
    }
}
