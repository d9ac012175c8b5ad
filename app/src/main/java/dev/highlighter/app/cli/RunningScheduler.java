package dev.highlighter.app.cli;

import dev.highlighter.schedules.RunLauncher;
import dev.highlighter.schedules.Schedule;
import dev.highlighter.schedules.SchedulerEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The scheduler engine ticking in the background: what `scheduler` runs alone and `standalone` hosts. */
final class RunningScheduler implements AutoCloseable {

    private final ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();
    private final ExecutorService runs = Executors.newCachedThreadPool();

    RunningScheduler(Map<String, Schedule> schedules, RunLauncher launcher, Duration tick) {
        SchedulerEngine engine = new SchedulerEngine(schedules, launcher, Clock.systemDefaultZone(), runs);
        engine.start();
        timer.setThreadNamePrefix("scheduler-");
        timer.initialize();
        timer.scheduleWithFixedDelay(engine::tick, tick);
    }

    @Override
    public void close() {
        timer.shutdown();
        runs.shutdown();
    }

    /** Blocks until the process is asked to end (Ctrl-C, SIGTERM); {@code onStop} runs first thing then. */
    static void awaitShutdown(Runnable onStop) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            stopped.countDown();
        }, "highlighter-stop"));
        stopped.await();
    }
}
