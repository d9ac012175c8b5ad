package dev.highlighter.app.cli;

import dev.highlighter.schedules.SchedulerEngine;
import dev.highlighter.schedules.Schedule;
import dev.highlighter.schedules.RunLauncher;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
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
        ExecutorService runs = Executors.newCachedThreadPool();
        SchedulerEngine engine = new SchedulerEngine(schedules, launcher, Clock.systemDefaultZone(), runs);
        engine.start();
        ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();
        timer.setThreadNamePrefix("scheduler-");
        timer.initialize();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "scheduler-stop"));
        timer.scheduleWithFixedDelay(engine::tick, tick);
        stopped.await();
        timer.shutdown();
        runs.shutdown();
        return 0;
    }
}
