package dev.highlighter.jobs.launch;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executions of one kind (jobs, or partitions) this process runs, each with a heartbeat
 * written every interval by one daemon thread, started with the first execution.
 */
final class RunningBeats<E> {

    private static final Logger log = LoggerFactory.getLogger(RunningBeats.class);

    private final Heartbeats heartbeats;
    private final Heartbeats.Kind kind;
    private final Duration interval;
    private final Map<Long, E> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService beats;

    RunningBeats(Heartbeats heartbeats, Heartbeats.Kind kind, Duration interval) {
        this.heartbeats = heartbeats;
        this.kind = kind;
        this.interval = interval;
    }

    void begin(long id, E execution) {
        heartbeats.begin(kind, id);
        running.put(id, execution);
        scheduler();
    }

    void end(long id) {
        running.remove(id);
        heartbeats.end(kind, id);
    }

    /** Forgets an execution without touching its heartbeat row (it ended, but its end could not be recorded). */
    void forget(long id) {
        running.remove(id);
    }

    Collection<E> executions() {
        return running.values();
    }

    Set<Long> ids() {
        return Set.copyOf(running.keySet());
    }

    /** Waits for every execution to end (a shutdown's grace period); true when none is left. */
    boolean awaitEmpty(java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return isEmpty();
    }

    boolean isEmpty() {
        return running.isEmpty();
    }

    private synchronized void scheduler() {
        if (beats == null) {
            beats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, kind.name().toLowerCase(java.util.Locale.ROOT) + "-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            beats.scheduleAtFixedRate(this::beatAll, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void beatAll() {
        for (Long id : running.keySet()) {
            try {
                heartbeats.beat(kind, id);
            } catch (RuntimeException e) {
                // a missed beat is survivable; staleness needs several in a row
                log.warn("Heartbeat of {} execution {} not written: {}", kind.name().toLowerCase(java.util.Locale.ROOT), id, e.getMessage());
            }
        }
    }
}
