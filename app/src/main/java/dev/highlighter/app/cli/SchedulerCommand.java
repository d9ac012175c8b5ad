package dev.highlighter.app.cli;

import dev.highlighter.schedules.Schedule;
import dev.highlighter.schedules.RunLauncher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = {"Runs the schedules of schedules.yaml until stopped (Ctrl-C): fires jobs on their cron, retries",
                "failures with backoff, catches up missed dates at start-up. Every run is in the job repository."})
public class SchedulerCommand implements Callable<Integer> {

    @Option(names = "--tick", defaultValue = "PT1S", paramLabel = "DURATION", description = "How often due runs are checked (default: ${DEFAULT-VALUE}).")
    Duration tick;

    @Autowired
    @Lazy // picocli builds every command up front; only this one should read schedules.yaml
    Map<String, Schedule> schedules;

    @Autowired
    RunLauncher launcher;

    @Override
    public Integer call() throws Exception {
        try (RunningScheduler ignored = new RunningScheduler(schedules, launcher, tick)) {
            RunningScheduler.awaitShutdown(() -> { });
        }
        return 0;
    }
}
