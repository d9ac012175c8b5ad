package dev.highlighter.schedules;

import dev.highlighter.jobs.cli.CommandExtension;
import java.util.List;

/** Adds scheduler, trigger and backfill to the command line. */
public class ScheduleCommands implements CommandExtension {

    @Override
    public List<Class<?>> commands() {
        return List.of(SchedulerCommand.class, TriggerCommand.class, BackfillCommand.class);
    }
}
