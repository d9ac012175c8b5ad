package dev.highlighter.jobs.launch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a heartbeat for every job execution this process runs, and stops them cleanly when the
 * process is asked to end. Stopping is Spring Batch's own ({@link JobOperator#stop}, what Batch 6's
 * JobExecutionShutdownHook calls): the run ends STOPPED at its next chunk and can be restarted.
 * It is done here, as the first lifecycle bean to stop, rather than in a JVM shutdown hook of its
 * own, because such a hook races Spring's: the job repository's connections would be closed
 * under a run that is still writing its last chunk.
 */
public class JobHeartbeat implements JobExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobHeartbeat.class);

    private final JobOperator operator;
    private final Duration grace;
    private final RunningBeats<JobExecution> running;
    private volatile boolean started;

    /**
     * @param interval how often a beat is written; a few times within the heartbeats' stale-after
     * @param grace    how long a shutdown waits for running executions to stop
     */
    public JobHeartbeat(Heartbeats heartbeats, JobOperator operator, Duration interval, Duration grace) {
        this.operator = operator;
        this.running = new RunningBeats<>(heartbeats, Heartbeats.Kind.JOB, interval);
        this.grace = grace;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.begin(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.end(execution.getId());
    }

    @Override
    public void start() {
        started = true;
    }

    /** On shutdown (SIGTERM, Ctrl-C): ask each running execution to stop, and wait for it within the grace period. */
    @Override
    public void stop() {
        started = false;
        if (running.isEmpty()) {
            return;
        }
        for (JobExecution execution : running.executions()) {
            if (execution.getEndTime() != null) {
                // it ended, but its end could not be recorded (say, a full disk): nothing to wait for
                running.forget(execution.getId());
                continue;
            }
            log.warn("Shutting down: stopping job execution {} ({}); it will end STOPPED and can be restarted",
                    execution.getId(), execution.getJobInstance().getJobName());
            try {
                operator.stop(execution);
            } catch (org.springframework.batch.core.launch.JobExecutionNotRunningException e) {
                running.forget(execution.getId());
            } catch (Exception e) {
                log.warn("Could not stop job execution {}: {}", execution.getId(), e.getMessage());
            }
        }
        if (!running.awaitEmpty(grace)) {
            log.warn("Job executions {} did not stop within {} s; a later run recovers them", running.ids(), grace.toSeconds());
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stopped first, before the data source and HBase connection that a stopping run still needs. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
