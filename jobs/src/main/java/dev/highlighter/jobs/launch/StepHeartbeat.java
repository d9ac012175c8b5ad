package dev.highlighter.jobs.launch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.SmartLifecycle;

/**
 * A heartbeat per running partition (Kind.STEP: host, pid, last beat), so that a manager on
 * another machine can tell a worker that died from one still working. On shutdown (SIGTERM: a pod
 * evicted) it asks each running partition to stop at its next chunk, the way Batch's
 * StoppableStep does, and waits for it within the grace period: the partition ends STOPPED, with
 * its last chunk committed, and a restart resumes it.
 */
public class StepHeartbeat implements StepExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StepHeartbeat.class);

    private final Duration grace;
    private final RunningBeats<StepExecution> running;
    private volatile boolean started;
    private final java.util.List<Runnable> beforeStopping = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StepHeartbeat(Heartbeats heartbeats, Duration interval, Duration grace) {
        this.running = new RunningBeats<>(heartbeats, Heartbeats.Kind.STEP, interval);
        this.grace = grace;
    }

    @Override
    public void beforeStep(StepExecution execution) {
        running.begin(execution.getId(), execution);
    }

    @Override
    public ExitStatus afterStep(StepExecution execution) {
        running.end(execution.getId());
        return null;
    }

    /** Runs first on shutdown, before the running partitions are asked to stop: e.g. a worker stops taking requests. */
    public void beforeStopping(Runnable action) {
        beforeStopping.add(action);
    }

    /** The partitions running in this process now. */
    public java.util.Set<Long> running() {
        return running.ids();
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        beforeStopping.forEach(Runnable::run);
        if (running.isEmpty()) {
            return;
        }
        for (StepExecution execution : running.executions()) {
            log.warn("Shutting down: stopping partition {} (step execution {}) at its next chunk; it will end STOPPED and a restart resumes it",
                    execution.getStepName(), execution.getId());
            execution.setTerminateOnly();
        }
        if (!running.awaitEmpty(grace)) {
            log.warn("Partitions {} did not stop within {} s; the manager fails them once their heartbeat is stale",
                    running.ids(), grace.toSeconds());
        }
    }

    /**
     * Running while partitions run, started or not: a worker's steps are built after the context
     * started its lifecycle beans, so this bean may never have been started, and Spring only stops
     * what says it is running (a SIGTERM then reached no partition).
     */
    @Override
    public boolean isRunning() {
        return started || !running.isEmpty();
    }

    /** With the job heartbeat, before the Kafka consumers, data source and HBase connection stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
