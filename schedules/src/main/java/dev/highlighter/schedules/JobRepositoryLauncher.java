package dev.highlighter.schedules;

import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.jobs.launch.RunBusyException;
import dev.highlighter.jobs.highlights.AwaitInputsTasklet;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled jobs through the job repository. Two schedulers on one repository never run
 * the same job and date twice: the repository keys a job instance by job name and date (a unique
 * key) and refuses a second execution while one is running, in a serializable transaction. The
 * scheduler that loses that race finds the winner's execution in the repository, reports TAKEN
 * and leaves the run to it. TAKEN is only said while the other run's process is alive (its
 * heartbeat); a run whose process is gone is recovered and restarted by the job runner.
 */
@Component
public class JobRepositoryLauncher implements RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(JobRepositoryLauncher.class);

    private final JobRunner runner;

    public JobRepositoryLauncher(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    public Outcome launch(Schedule schedule, LocalDate date) {
        try {
            JobExecution execution = runner.run(schedule.job(), date, false, schedule.jobSettings());
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return AwaitInputsTasklet.SKIPPED.equals(execution.getExitStatus().getExitCode()) ? Outcome.SKIPPED : Outcome.COMPLETED;
            }
            return Outcome.FAILED;
        } catch (RunBusyException e) {
            log.info("{} {}: {}", schedule.name(), date, e.getMessage());
            return Outcome.TAKEN;
        } catch (Exception e) {
            // The repository refused the start. Depending on timing that is a duplicate job-instance
            // key, a running execution, or a serialization failure; what they share is that the
            // other scheduler's execution is now in the repository, so look there, not at the type.
            JobExecution winner = winner(schedule, date);
            if (winner != null && (!winner.isRunning() || runner.liveness(winner).alive())) {
                log.info("{} {} is being run by another scheduler (execution {}): {}", schedule.name(), date, winner.getId(),
                        e.getMessage());
                return Outcome.TAKEN;
            }
            log.error("{} {} could not run: {}", schedule.name(), date, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /** The other scheduler's execution; its transaction may take a moment to commit, so look a few times. */
    private JobExecution winner(Schedule schedule, LocalDate date) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                JobExecution last = runner.lastExecution(schedule.job(), date);
                if (last != null && (last.isRunning() || last.getStatus() == BatchStatus.COMPLETED)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // half-written by the other transaction: look again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Override
    public boolean completed(String job, LocalDate date) {
        JobExecution last = runner.lastExecution(job, date);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }
}
