package dev.highlighter.schedules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of the scheduler, on a clock it is given: which runs are due, which wait (for a
 * free slot, for a dependency, for a retry's backoff), and what happens after each outcome. The
 * long-running process calls {@link #tick()} from a TaskScheduler; tests call it with a clock
 * they move, so nothing sleeps.
 */
public class SchedulerEngine {

    private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.class);

    /** A run waiting to start. */
    public record PendingRun(Schedule schedule, LocalDate date, Instant fireTime, int attempt, Instant notBefore) {
    }

    private final Map<String, Schedule> schedules;
    private final RunLauncher launcher;
    private final Clock clock;
    private final Executor executor;
    private final Map<String, Instant> nextFire = new LinkedHashMap<>();
    private final List<PendingRun> pending = new ArrayList<>();
    private final Map<String, Integer> active = new HashMap<>();
    private final List<String> history = new ArrayList<>();

    /**
     * @param executor where runs execute; a pool in production, the calling thread in tests
     */
    public SchedulerEngine(Map<String, Schedule> schedules, RunLauncher launcher, Clock clock, Executor executor) {
        this.schedules = Map.copyOf(schedules);
        this.launcher = launcher;
        this.clock = clock;
        this.executor = executor;
    }

    /** Plans the next fire of every schedule and, where catchup is on, the dates missed since its start. */
    public synchronized void start() {
        Instant now = clock.instant();
        for (Schedule s : schedules.values()) {
            Instant next = s.nextFire(now);
            nextFire.put(s.name(), next);
            if (s.catchup() && s.startDate() != null) {
                catchUp(s, now);
            }
            log.info("Schedule {} ({} '{}' {}): next fire {} for {}", s.name(), s.job(), s.cron(), s.timeZone(),
                    next.atZone(s.timeZone()), s.logicalDate(next));
        }
    }

    private void catchUp(Schedule s, Instant now) {
        Instant t = s.startDate().atStartOfDay(s.timeZone()).toInstant().minusNanos(1);
        int missed = 0;
        while (true) {
            t = s.nextFire(t);
            if (t.isAfter(now)) {
                break;
            }
            LocalDate date = s.logicalDate(t);
            if (!launcher.completed(s.job(), date)) {
                enqueue(new PendingRun(s, date, t, 0, now));
                missed++;
            }
        }
        if (missed > 0) {
            log.info("Schedule {}: catching up {} missed date(s)", s.name(), missed);
        }
    }

    /** Queues what is due and starts what may start. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (Schedule s : schedules.values()) {
            Instant next = nextFire.get(s.name());
            List<Instant> due = new ArrayList<>();
            while (next != null && !next.isAfter(now)) {
                due.add(next);
                next = s.nextFire(next);
            }
            nextFire.put(s.name(), next);
            if (!s.catchup() && due.size() > 1) {
                // without catchup only the latest missed interval runs, as in Airflow
                due = due.subList(due.size() - 1, due.size());
            }
            for (Instant fire : due) {
                if (now.isAfter(fire.plus(s.startingDeadline()))) {
                    record(s, s.logicalDate(fire), "MISSED_DEADLINE");
                    continue;
                }
                enqueue(new PendingRun(s, s.logicalDate(fire), fire, 0, fire));
            }
        }
        for (PendingRun run : new ArrayList<>(pending)) {
            if (run.notBefore().isAfter(now) || active.getOrDefault(run.schedule().name(), 0) >= run.schedule().maxActiveRuns()) {
                continue;
            }
            String waitingFor = unmetDependency(run);
            if (waitingFor != null) {
                log.debug("{} {} waits for {} of the same date", run.schedule().name(), run.date(), waitingFor);
                continue;
            }
            pending.remove(run);
            active.merge(run.schedule().name(), 1, Integer::sum);
            executor.execute(() -> execute(run));
        }
    }

    private String unmetDependency(PendingRun run) {
        for (String dep : run.schedule().dependsOn()) {
            Schedule upstream = schedules.get(dep);
            if (!launcher.completed(upstream.job(), run.date())) {
                return dep;
            }
        }
        return null;
    }

    private void execute(PendingRun run) {
        RunLauncher.Outcome outcome;
        try {
            outcome = launcher.launch(run.schedule(), run.date());
        } catch (RuntimeException e) {
            log.error("{} {}: could not be launched: {}", run.schedule().name(), run.date(), e.getMessage());
            outcome = RunLauncher.Outcome.FAILED;
        }
        finished(run, outcome);
    }

    private synchronized void finished(PendingRun run, RunLauncher.Outcome outcome) {
        active.merge(run.schedule().name(), -1, Integer::sum);
        Schedule s = run.schedule();
        record(s, run.date(), outcome + (run.attempt() > 0 ? " (retry " + run.attempt() + ")" : ""));
        if (outcome == RunLauncher.Outcome.FAILED && run.attempt() < s.retries().max()) {
            int retry = run.attempt() + 1;
            Instant at = clock.instant().plus(s.retries().delay(retry));
            log.warn("{} {} failed; retry {} of {} at {}", s.name(), run.date(), retry, s.retries().max(), at);
            enqueue(new PendingRun(s, run.date(), run.fireTime(), retry, at));
        } else if (outcome == RunLauncher.Outcome.FAILED) {
            log.error("{} {} failed after {} retries; giving up until the next backfill", s.name(), run.date(), run.attempt());
        }
    }

    private void enqueue(PendingRun run) {
        boolean queued = pending.stream().anyMatch(p -> p.schedule().name().equals(run.schedule().name()) && p.date().equals(run.date()));
        if (!queued) {
            pending.add(run);
            pending.sort(Comparator.comparing(PendingRun::notBefore).thenComparing(PendingRun::date));
        }
    }

    private void record(Schedule s, LocalDate date, String what) {
        String line = s.name() + " " + date + " " + what;
        history.add(line);
        log.info("Run {}", line);
    }

    /** Outcomes so far, one line per run attempt: "schedule date OUTCOME". */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    public synchronized List<PendingRun> pending() {
        return List.copyOf(pending);
    }

    public synchronized Instant nextFire(String schedule) {
        return nextFire.get(schedule);
    }

    /** When the engine next has something to do: the earliest fire or retry. */
    public synchronized Instant nextWakeUp() {
        Instant earliest = nextFire.values().stream().filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(Instant.MAX);
        for (PendingRun p : pending) {
            if (p.notBefore().isBefore(earliest)) {
                earliest = p.notBefore();
            }
        }
        return earliest;
    }
}
