package dev.highlighter.app.cli;

import dev.highlighter.schedules.Schedule;
import dev.highlighter.schedules.RunLauncher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = {"Runs one schedule once, now, as its cron would (what each Kubernetes CronJob calls): the logical",
                "date from the schedule's rule, its sensor and parameters; fails while a dependency has not completed."})
public class TriggerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCHEDULE", description = "A schedule name from schedules.yaml.")
    String name;

    @Option(names = "--logical-date", paramLabel = "yyyy-MM-dd", description = "Override the date the rule gives.")
    LocalDate logicalDate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    @Lazy // picocli builds every command up front; only this one should read schedules.yaml
    Map<String, Schedule> schedules;

    @Autowired
    RunLauncher launcher;

    @Override
    public Integer call() {
        Schedule schedule = schedules.get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("unknown schedule '" + name + "'; schedules: " + schedules.keySet());
        }
        LocalDate date = logicalDate != null ? logicalDate : schedule.logicalDate(Instant.now(Clock.systemUTC()));
        for (String dep : schedule.dependsOn()) {
            if (!launcher.completed(schedules.get(dep).job(), date)) {
                spec.commandLine().getErr().printf("%s %s waits for %s of the same date, which has not completed%n", name, date, dep);
                return 1;
            }
        }
        RunLauncher.Outcome outcome = launcher.launch(schedule, date);
        spec.commandLine().getOut().printf("%s %s: %s%n", name, date, outcome);
        return switch (outcome) {
            case FAILED -> ExitCodes.FAILED;
            case TAKEN -> ExitCodes.BUSY;
            default -> ExitCodes.OK;
        };
    }
}
