package dev.highlighter.schedules;

import java.time.LocalDate;

/** What the scheduler needs from the job repository: start a run, and ask what already ran. */
public interface RunLauncher {

    enum Outcome {
        COMPLETED,
        /** The sensor soft-failed: the date is done without a scoring. */
        SKIPPED,
        FAILED,
        /** Another scheduler holds this run: the job repository refused a second one. */
        TAKEN
    }

    /** Runs (or restarts) the schedule's job for the date and waits for the outcome. */
    Outcome launch(Schedule schedule, LocalDate date);

    /** True when the job's scheduled run for that date has completed. */
    boolean completed(String job, LocalDate date);
}
