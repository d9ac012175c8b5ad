package dev.highlighter.schedules;

import dev.highlighter.jobs.cli.JobRunner;
import dev.highlighter.jobs.highlights.AwaitInputsTasklet;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled jobs through the job repository. Two schedulers on one repository never run
 * the same job and date twice: the repository keys a job instance by job name and date (a unique
 * key) and refuses a second execution while one is running, in a serializable transaction. The
 * scheduler that loses that race is told TAKEN and leaves the run to the winner.
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
        } catch (JobExecutionAlreadyRunningException | DataIntegrityViolationException e) {
            log.info("{} {} is already being run by another scheduler: {}", schedule.name(), date, e.getMessage());
            return Outcome.TAKEN;
        } catch (DataAccessException e) {
            // a serialization failure or lock timeout on the repository: the other scheduler won
            log.info("{} {}: the job repository refused a concurrent start ({})", schedule.name(), date, e.getClass().getSimpleName());
            return Outcome.TAKEN;
        } catch (Exception e) {
            log.error("{} {} could not run: {}", schedule.name(), date, e.getMessage());
            return Outcome.FAILED;
        }
    }

    @Override
    public boolean completed(String job, LocalDate date) {
        JobExecution last = runner.lastExecution(job, date);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }
}
