package dev.highlighter.schedules;

import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.jobs.launch.RunBusyException;
import dev.highlighter.jobs.launch.UsageException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Runs a job over a range of dates: new dates start, failed ones restart (only what did not
 * complete), completed ones are skipped unless a re-run is asked for.
 */
@Component
public class Backfill {

    /** One date's outcome, for the status table. */
    public record Row(LocalDate date, String action, String status, Duration took, Long executionId) {
    }

    private final JobRunner runner;

    public Backfill(JobRunner runner) {
        this.runner = runner;
    }

    public List<Row> run(String job, LocalDate from, LocalDate to, int parallel, boolean rerun, Map<String, String> settings)
            throws Exception {
        if (from.isAfter(to)) {
            throw new UsageException("the range starts (" + from + ") after it ends (" + to + ")");
        }
        if (parallel < 1) {
            throw new UsageException("--parallel must be at least 1, not " + parallel);
        }
        runner.job(job); // unknown job: fail before anything runs
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                LocalDate date = d;
                futures.add(pool.submit(() -> runOne(job, date, rerun, settings)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } finally {
            pool.shutdown();
        }
    }

    private Row runOne(String job, LocalDate date, boolean rerun, Map<String, String> settings) {
        JobExecution last = runner.lastExecution(job, date);
        String action = last == null ? "start" : last.getStatus() == BatchStatus.COMPLETED ? (rerun ? "rerun" : "skip")
                : last.getStatus() == BatchStatus.STOPPED || last.getStatus().isUnsuccessful() ? "restart" : last.isRunning() ? "recover" : "start";
        if (action.equals("skip")) {
            return new Row(date, action, "COMPLETED (already)", Duration.ZERO, last.getId());
        }
        long t0 = System.nanoTime();
        try {
            JobExecution e = runner.run(job, date, rerun, settings);
            return new Row(date, action, e.getStatus().toString(), Duration.ofNanos(System.nanoTime() - t0), e.getId());
        } catch (RunBusyException e) {
            return new Row(date, action, "BUSY: " + e.getMessage(), Duration.ofNanos(System.nanoTime() - t0), null);
        } catch (Exception e) {
            return new Row(date, action, "ERROR: " + e.getMessage(), Duration.ofNanos(System.nanoTime() - t0), null);
        }
    }

    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s  %-7s  %-22s  %8s  %s%n", "date", "action", "status", "seconds", "execution"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-10s  %-7s  %-22s  %8.1f  %s%n", r.date(), r.action(), r.status(),
                    r.took().toMillis() / 1000.0, r.executionId() == null ? "-" : r.executionId()));
        }
        return out.toString();
    }
}
