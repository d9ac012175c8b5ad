package dev.highlighter.jobs.launch;

import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs a job for a logical date the way Airflow runs a task instance: the first run starts it, a
 * run after a failure restarts it (only what did not complete runs again), and a completed date
 * is left alone unless a re-run is asked for, which starts a new instance with a new run id.
 * A run that is still marked running is judged by its heartbeat: alive, and this run refuses
 * with who runs it ({@link RunBusyException}); gone, and it is recovered and restarted.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<String, Job> jobs;
    private final Heartbeats heartbeats;

    public JobRunner(JobOperator operator, JobRepository repository, Map<String, Job> jobs, Heartbeats heartbeats) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = jobs;
        this.heartbeats = heartbeats;
    }

    /** A settings key: the first date of a roll-up that ends on the run's date (yyyy-MM-dd); identifying. */
    public static final String FROM = "from";
    /** A settings key: a roll-up over this many days ending on the run's date, as a schedule asks; becomes {@link #FROM}. */
    public static final String ROLLUP_DAYS = "rollupDays";

    public JobExecution run(String jobName, LocalDate date, boolean rerun) throws Exception {
        return run(jobName, date, rerun, Map.of());
    }

    /** A roll-up over [from, to]: its own run, identified by both dates, apart from the run of {@code to} alone. */
    public JobExecution run(String jobName, LocalDate from, LocalDate to, boolean rerun, Map<String, String> settings) throws Exception {
        if (from.isAfter(to)) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        if (from.isBefore(to)) {
            all.put(FROM, from.toString());
        }
        return run(jobName, to, rerun, all);
    }

    /**
     * @param settings non-identifying parameters, such as the sensor's, that do not make a new run
     */
    public JobExecution run(String jobName, LocalDate date, boolean rerun, Map<String, String> settings) throws Exception {
        Job job = job(jobName);
        JobParameters parameters = parameters(date, rerun ? System.currentTimeMillis() : 0, settings);
        JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
        if (last != null && (last.isRunning() || last.getStatus() == BatchStatus.UNKNOWN)) {
            last = recoverIfGone(jobName, date, last);
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("{} for {} already completed (execution {}); use --rerun to run it again", jobName, date, last.getId());
            return last;
        }
        // STOPPED (a SIGTERM, an operator's stop) ranks below FAILED in Batch's order, so ask for it by name
        if (last != null && (last.getStatus() == BatchStatus.STOPPED || last.getStatus().isUnsuccessful())) {
            log.info("Restarting {} for {} after execution {} ended {}", jobName, date, last.getId(), last.getStatus());
            return operator.restart(last);
        }
        return operator.start(job, parameters);
    }

    /**
     * An execution marked running whose process is gone is marked failed (Batch 6's recover) so
     * that it can be restarted; one whose process is alive is left to it.
     */
    private JobExecution recoverIfGone(String jobName, LocalDate date, JobExecution last) {
        Heartbeats.Liveness liveness = liveness(last);
        if (liveness.alive()) {
            String who = liveness.heartbeat() == null ? "a process that is starting it" : liveness.heartbeat().toString();
            throw new RunBusyException(jobName + " " + date + " is already running: execution " + last.getId() + ", " + who);
        }
        log.warn("Recovering {} {}: execution {} is marked {} but {}; restarting it", jobName, date, last.getId(),
                last.getStatus(), liveness.reason());
        return operator.recover(last);
    }

    /** Whether the process that runs an execution is alive, by the one heartbeat rule. */
    public Heartbeats.Liveness liveness(JobExecution execution) {
        java.time.LocalDateTime updated = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
        return heartbeats.liveness(Heartbeats.Kind.JOB, execution.getId(),
                updated == null ? null : updated.atZone(java.time.ZoneId.systemDefault()).toInstant());
    }

    public Job job(String name) {
        for (Job job : jobs.values()) {
            if (job.getName().equals(name)) {
                return job;
            }
        }
        throw new UsageException("unknown job '" + name + "'; known jobs: "
                + jobs.values().stream().map(Job::getName).sorted().toList());
    }

    /** The last execution of the job for that date (the scheduled run, not a forced re-run), or null. */
    public JobExecution lastExecution(String jobName, LocalDate date) {
        return repository.getLastJobExecution(job(jobName).getName(), parameters(date, 0, Map.of()));
    }

    public boolean isKnown(String jobName) {
        return jobs.values().stream().anyMatch(j -> j.getName().equals(jobName));
    }

    /** The date (and a roll-up's first date) identifies the run; run.id only differs for a forced re-run. */
    static JobParameters parameters(LocalDate date, long runId, Map<String, String> settings) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate("date", date)
                .addLong("run.id", runId);
        LocalDate from = rangeStart(date, settings);
        if (from != null) {
            builder.addLocalDate(FROM, from);
        }
        settings.forEach((k, v) -> {
            if (!k.equals(FROM) && !k.equals(ROLLUP_DAYS)) {
                builder.addString(k, v, false);
            }
        });
        return builder.toJobParameters();
    }

    private static LocalDate rangeStart(LocalDate date, Map<String, String> settings) {
        if (settings.containsKey(FROM)) {
            return LocalDate.parse(settings.get(FROM));
        }
        if (settings.containsKey(ROLLUP_DAYS)) {
            int days = Integer.parseInt(settings.get(ROLLUP_DAYS));
            if (days < 1) {
                throw new UsageException(ROLLUP_DAYS + " must be at least 1, not " + days);
            }
            return days == 1 ? null : date.minusDays(days - 1);
        }
        return null;
    }
}
