package dev.highlighter.jobs.remote;

import dev.highlighter.jobs.launch.Heartbeats;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * While a manager step waits for its remote partitions, fails each STARTED partition whose worker
 * is gone by the one liveness rule ({@link Heartbeats#liveness}). Without it a worker killed
 * mid-partition leaves it STARTED and the manager waits forever (spring-batch#4006); with it the
 * stage ends, the job fails naming the VOD, and a restart re-runs just that partition on any worker.
 * Requests still queued (STARTING) are not judged: no worker has claimed them yet.
 */
class StaleWorkerWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StaleWorkerWatch.class);

    private final JobRepository repository;
    private final Heartbeats heartbeats;
    private final String workerStep;
    private final java.time.Duration every;
    private volatile ScheduledExecutorService timer;

    StaleWorkerWatch(JobRepository repository, Heartbeats heartbeats, String workerStep, java.time.Duration every) {
        this.repository = repository;
        this.heartbeats = heartbeats;
        this.workerStep = workerStep;
        this.every = every;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        long jobExecutionId = manager.getJobExecutionId();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stale-partitions-" + workerStep);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> check(jobExecutionId), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (timer != null) {
            timer.shutdownNow();
        }
        return null;
    }

    /** One look at the running partitions of this stage; public for the tests' sake of timing. */
    void check(long jobExecutionId) {
        try {
            JobExecution run = repository.getJobExecution(jobExecutionId);
            for (StepExecution partition : run.getStepExecutions()) {
                if (partition.getStepName().startsWith(workerStep + ":") && partition.getStatus() == BatchStatus.STARTED) {
                    Heartbeats.Liveness liveness = heartbeats.liveness(Heartbeats.Kind.STEP, partition.getId(), instant(partition.getLastUpdated()));
                    if (!liveness.alive()) {
                        fail(partition, liveness.reason());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the partitions of {}: {}", workerStep, e.getMessage());
        }
    }

    private void fail(StepExecution partition, String reason) {
        String why = "worker gone: " + reason + "; a restart re-runs this partition";
        log.error("Partition {} (step execution {}) failed: {}", partition.getStepName(), partition.getId(), why);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        partition.setEndTime(LocalDateTime.now());
        repository.update(partition);
        heartbeats.end(Heartbeats.Kind.STEP, partition.getId());
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
