package dev.highlighter.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's decisions on a clock the test moves. The launcher here only records what it
 * was asked to run and answers as the test scripts; the real launcher against the job repository
 * is covered by SchedulerOnClustersTest.
 */
class SchedulerEngineTest {

    /** Remembers launches; outcomes per job and date are scripted, COMPLETED by default. */
    static final class ScriptedLauncher implements RunLauncher {
        final List<String> launches = new ArrayList<>();
        final Map<String, Deque<Outcome>> script = new HashMap<>();
        final Set<String> done = new HashSet<>();

        void script(String job, String date, Outcome... outcomes) {
            script.put(job + " " + date, new ArrayDeque<>(List.of(outcomes)));
        }

        @Override
        public Outcome launch(Schedule schedule, LocalDate date) {
            String key = schedule.job() + " " + date;
            launches.add(key);
            Deque<Outcome> planned = script.get(key);
            Outcome o = planned == null || planned.isEmpty() ? Outcome.COMPLETED : planned.poll();
            if (o == Outcome.COMPLETED) {
                done.add(key);
            }
            return o;
        }

        @Override
        public boolean completed(String job, LocalDate date) {
            return done.contains(job + " " + date);
        }
    }

    final ScriptedLauncher launcher = new ScriptedLauncher();

    SchedulerEngine engine(ManualClock clock, String yaml) throws Exception {
        Map<String, Schedule> schedules = SchedulesLoaderTest.load(yaml);
        SchedulerEngine engine = new SchedulerEngine(schedules, launcher, clock, Runnable::run);
        engine.start();
        return engine;
    }

    static final String NIGHTLY = """
            schedules:
              highlights:
                job: highlights
                cron: "0 2 * * *"
                timeZone: UTC
                logicalDate: yesterday
                retries: {max: 3, initialDelay: PT5M, multiplier: 2, maxDelay: PT15M}
            """;

    @Test
    void firesOnScheduleForYesterday() throws Exception {
        ManualClock clock = new ManualClock("2026-11-22T01:59:00Z");
        SchedulerEngine engine = engine(clock, NIGHTLY);
        assertThat(engine.nextFire("highlights")).isEqualTo(java.time.Instant.parse("2026-11-22T02:00:00Z"));
        engine.tick();
        assertThat(launcher.launches).isEmpty();

        clock.set("2026-11-22T02:00:00Z");
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-21");

        clock.set("2026-11-23T02:00:01Z");
        engine.tick();
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-21", "highlights 2026-11-22");
        assertThat(engine.history()).containsExactly("highlights 2026-11-21 COMPLETED", "highlights 2026-11-22 COMPLETED");
    }

    @Test
    void catchesUpMissedDatesThatNeverCompletedInOrder() throws Exception {
        launcher.done.add("highlights 2026-11-19"); // ran before the scheduler went down
        ManualClock clock = new ManualClock("2026-11-22T09:00:00Z");
        SchedulerEngine engine = engine(clock, """
                schedules:
                  highlights:
                    job: highlights
                    cron: "0 2 * * *"
                    startDate: 2026-11-19
                    catchup: true
                """);
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-18", "highlights 2026-11-20", "highlights 2026-11-21");
    }

    @Test
    void withoutCatchupOnlyTheLatestMissedIntervalRuns() throws Exception {
        ManualClock clock = new ManualClock("2026-11-22T01:00:00Z");
        SchedulerEngine engine = engine(clock, NIGHTLY.replace("retries:", "startingDeadline: P3D\n    retries:"));
        clock.set("2026-11-24T03:00:00Z");
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-23");
    }

    @Test
    void retriesWithExponentialBackoffUpToTheCap() throws Exception {
        launcher.script("highlights", "2026-11-21", RunLauncher.Outcome.FAILED, RunLauncher.Outcome.FAILED,
                RunLauncher.Outcome.FAILED, RunLauncher.Outcome.COMPLETED);
        ManualClock clock = new ManualClock("2026-11-22T01:59:59Z");
        SchedulerEngine engine = engine(clock, NIGHTLY);
        clock.advance(Duration.ofSeconds(2));
        engine.tick();
        assertThat(launcher.launches).hasSize(1);

        clock.advance(Duration.ofMinutes(4)); // first retry after 5 min
        engine.tick();
        assertThat(launcher.launches).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(launcher.launches).hasSize(2);

        clock.advance(Duration.ofMinutes(9)); // second after 10 min
        engine.tick();
        assertThat(launcher.launches).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(launcher.launches).hasSize(3);

        clock.advance(Duration.ofMinutes(14)); // third capped at maxDelay 15 min, not 20
        engine.tick();
        assertThat(launcher.launches).hasSize(3);
        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(launcher.launches).hasSize(4);
        assertThat(engine.history()).containsExactly("highlights 2026-11-21 FAILED", "highlights 2026-11-21 FAILED (retry 1)",
                "highlights 2026-11-21 FAILED (retry 2)", "highlights 2026-11-21 COMPLETED (retry 3)");
        assertThat(engine.pending()).isEmpty();
    }

    @Test
    void givesUpAfterTheLastRetry() throws Exception {
        launcher.script("highlights", "2026-11-21", RunLauncher.Outcome.FAILED, RunLauncher.Outcome.FAILED);
        ManualClock clock = new ManualClock("2026-11-22T01:59:59Z");
        SchedulerEngine engine = engine(clock, NIGHTLY.replace("max: 3", "max: 1"));
        clock.advance(Duration.ofSeconds(2));
        engine.tick();
        clock.advance(Duration.ofHours(1));
        engine.tick();
        clock.advance(Duration.ofHours(1));
        engine.tick();
        assertThat(launcher.launches).hasSize(2);
        assertThat(engine.pending()).isEmpty();
    }

    @Test
    void aDependentWaitsForItsUpstreamOfTheSameDate() throws Exception {
        launcher.script("highlights", "2026-11-21", RunLauncher.Outcome.FAILED, RunLauncher.Outcome.COMPLETED);
        ManualClock clock = new ManualClock("2026-11-22T01:00:00Z");
        SchedulerEngine engine = engine(clock, """
                schedules:
                  retrain:
                    job: retrain
                    cron: "0 2 * * *"
                    dependsOn: [highlights]
                  highlights:
                    job: highlights
                    cron: "0 2 * * *"
                    retries: {max: 1, initialDelay: PT10M}
                """);
        clock.set("2026-11-22T02:00:00Z");
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-21");
        clock.advance(Duration.ofMinutes(10));
        engine.tick();
        engine.tick();
        assertThat(launcher.launches).containsExactly("highlights 2026-11-21", "highlights 2026-11-21", "retrain 2026-11-21");
    }

    @Test
    void oneActiveRunAtATimeQueuesTheNext() throws Exception {
        ManualClock clock = new ManualClock("2026-11-22T00:00:00Z");
        List<Runnable> running = new ArrayList<>();
        Map<String, Schedule> schedules = SchedulesLoaderTest.load("""
                schedules:
                  hourly:
                    job: highlights
                    cron: "0 * * * *"
                    logicalDate: today
                    maxActiveRuns: 1
                    catchup: true
                    startDate: 2026-11-20
                """);
        SchedulerEngine engine = new SchedulerEngine(schedules, launcher, clock, running::add);
        clock.set("2026-11-22T00:30:00Z");
        engine.start();
        engine.tick();
        assertThat(running).as("catch-up runs wait for the one in flight").hasSize(1);
        running.remove(0).run();
        engine.tick();
        assertThat(running).hasSize(1);
    }
}
