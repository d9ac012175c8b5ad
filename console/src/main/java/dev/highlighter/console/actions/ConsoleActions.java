package dev.highlighter.console.actions;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.jobs.launch.Heartbeats;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * What an operator can do to runs, each checked against the repository first and written to the
 * audit log with its outcome. Runs that the console starts (launch, restart, recover) run here in
 * the background, with a heartbeat like any other; the page answers at once.
 */
@ConsoleBean
@Component
public class ConsoleActions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

    private final JobRunner runner;
    private final JobOperator operator;
    private final JobRepository repository;
    private final AuditLog audit;
    private final ExecutorService runs = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-run");
        t.setDaemon(true);
        return t;
    });

    public ConsoleActions(JobRunner runner, JobOperator operator, JobRepository repository, AuditLog audit) {
        this.runner = runner;
        this.operator = operator;
        this.repository = repository;
        this.audit = audit;
    }

    /** Refused: the action does not apply, and nothing changed. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public String launch(String who, String job, LocalDate date, boolean rerun, Map<String, String> settings) {
        String target = job + " " + date + (rerun ? " (re-run)" : "") + (settings.isEmpty() ? "" : " " + settings);
        if (!runner.isKnown(job)) {
            throw refused(who, "launch", target, "unknown job '" + job + "'");
        }
        JobExecution last = runner.lastExecution(job, date);
        if (!rerun && last != null && last.isRunning() && runner.liveness(last).alive()) {
            throw refused(who, "launch", target, job + " " + date + " is already running as execution " + last.getId());
        }
        return inBackground(who, "launch", target, () -> {
            try {
                return runner.run(job, date, rerun, settings);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Stop goes through the repository: the process that runs the execution stops it at its next chunk. */
    public String stop(String who, long executionId) {
        JobExecution execution = execution(who, "stop", executionId);
        if (!execution.isRunning()) {
            throw refused(who, "stop", target(execution), "execution " + executionId + " is " + execution.getStatus() + ", not running");
        }
        try {
            operator.stop(execution);
        } catch (Exception e) {
            throw refused(who, "stop", target(execution), e.getMessage());
        }
        String outcome = "STOPPING: its process stops it at the next chunk";
        audit.record(who, "stop", target(execution), outcome);
        return "Execution " + executionId + " is " + outcome;
    }

    public String restart(String who, long executionId) {
        JobExecution execution = execution(who, "restart", executionId);
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw refused(who, "restart", target(execution), "only a FAILED or STOPPED execution restarts; this one is " + execution.getStatus());
        }
        return inBackground(who, "restart", target(execution), () -> restartNow(execution));
    }

    /**
     * A STARTED or STOPPING execution whose process is provably gone (the heartbeat rule) is
     * marked FAILED by Batch 6's recover, then restarted. One whose process is alive is refused.
     */
    public String recover(String who, long executionId) {
        JobExecution execution = execution(who, "recover", executionId);
        if (execution.getStatus() != BatchStatus.STARTED && execution.getStatus() != BatchStatus.STOPPING) {
            throw refused(who, "recover", target(execution), "only a STARTED or STOPPING execution is recovered; this one is " + execution.getStatus());
        }
        Heartbeats.Liveness liveness = runner.liveness(execution);
        if (liveness.alive()) {
            throw refused(who, "recover", target(execution), "its process is alive (" + (liveness.heartbeat() == null
                    ? "it is starting" : liveness.heartbeat()) + "); stop it instead");
        }
        JobExecution recovered = operator.recover(execution);
        log.warn("Console: {} recovered execution {} because {}", who, executionId, liveness.reason());
        return inBackground(who, "recover", target(execution) + " (" + liveness.reason() + ")", () -> restartNow(recovered));
    }

    public String abandon(String who, long executionId, String confirmation) {
        JobExecution execution = execution(who, "abandon", executionId);
        if (!String.valueOf(executionId).equals(confirmation == null ? "" : confirmation.trim())) {
            throw refused(who, "abandon", target(execution), "type the execution id (" + executionId + ") to confirm");
        }
        try {
            operator.abandon(execution);
        } catch (Exception e) {
            throw refused(who, "abandon", target(execution), e.getMessage());
        }
        audit.record(who, "abandon", target(execution), "ABANDONED: it will never run again");
        return "Execution " + executionId + " is ABANDONED";
    }

    private JobExecution restartNow(JobExecution execution) {
        try {
            return operator.restart(execution);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String inBackground(String who, String action, String target, Supplier<JobExecution> run) {
        long entry = audit.record(who, action, target, "running");
        runs.submit(() -> {
            try {
                JobExecution done = run.get();
                audit.outcome(entry, done.getStatus() + " (execution " + done.getId() + ")");
            } catch (RuntimeException e) {
                log.warn("Console {} of {} failed: {}", action, target, e.getMessage());
                audit.outcome(entry, "failed: " + e.getMessage());
            }
        });
        return action + " " + target + ": started; the grid shows its progress";
    }

    private JobExecution execution(String who, String action, long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null) {
            throw refused(who, action, "execution " + executionId, "no execution " + executionId);
        }
        return execution;
    }

    private Refused refused(String who, String action, String target, String why) {
        audit.record(who, action, target, "refused: " + why);
        return new Refused(why);
    }

    private static String target(JobExecution execution) {
        Object date = execution.getJobParameters().getLocalDate("date");
        return execution.getJobInstance().getJobName() + " " + date + " execution " + execution.getId();
    }

    @Override
    public void close() {
        runs.shutdown();
    }
}
