package dev.highlighter.jobs.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run left STARTED in the job repository, as a killed process leaves it: recovered and
 * completed when its process is gone, refused with who runs it when its process is alive; and a
 * date with nothing to do is not marked done.
 */
@HighlighterJobTest
class RecoveryTest {

    static final String GAME = "102844212428895431";

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void aRunWhoseProcessIsGoneIsRecoveredAndCompleted() throws Exception {
        LocalDate date = LocalDate.of(2019, 11, 1);
        new JobTestSupport(fs, layout, connection).put("lolesports", date, GAME + ".chat.csv", SharedData.lolChat().resolve(GAME + ".csv"));
        JobExecution crashed = startedExecution(date);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        heartbeats.begin(Heartbeats.Kind.JOB, crashed.getId());
        new org.springframework.jdbc.core.JdbcTemplate(dataSource()).update(
                "UPDATE HIGHLIGHTER_HEARTBEAT SET PID = ? WHERE EXECUTION_ID = ?", dead.pid(), crashed.getId());

        assertThat(runner.liveness(crashed).alive()).isFalse();
        assertThat(runner.liveness(crashed).reason()).contains("pid " + dead.pid()).contains("is gone");

        JobExecution after = runner.run(HighlightsJobConfiguration.JOB, date, false);
        assertThat(after.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(after.getId()).isNotEqualTo(crashed.getId());
        assertThat(repository.getJobExecution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(heartbeats.find(Heartbeats.Kind.JOB, after.getId())).as("a finished run leaves no heartbeat").isEmpty();
    }

    @Test
    void aRunWhoseProcessIsAliveIsRefusedWithWhoRunsIt() throws Exception {
        LocalDate date = LocalDate.of(2019, 11, 2);
        JobExecution running = startedExecution(date);
        heartbeats.begin(Heartbeats.Kind.JOB, running.getId()); // this very process, beating now

        assertThatThrownBy(() -> runner.run(HighlightsJobConfiguration.JOB, date, false))
                .isInstanceOf(RunBusyException.class)
                .hasMessageContaining("already running: execution " + running.getId())
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
        assertThat(repository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        heartbeats.end(Heartbeats.Kind.JOB, running.getId());
    }

    @Test
    void aDateWithNoVodsIsANoopThatALaterRunProcesses() throws Exception {
        LocalDate date = LocalDate.of(2019, 11, 3);
        JobExecution empty = runner.run(HighlightsJobConfiguration.JOB, date, false);
        assertThat(empty.getStatus()).as("never COMPLETED: a later run must process the date").isEqualTo(BatchStatus.FAILED);
        assertThat(empty.getExitStatus().getExitCode()).isEqualTo(NothingToDoException.EXIT_CODE);
        assertThat(NothingToDoException.in(empty)).get().extracting(Throwable::getMessage).asString()
                .contains("no VODs for " + date);

        new JobTestSupport(fs, layout, connection).put("lolesports", date, GAME + ".chat.csv", SharedData.lolChat().resolve(GAME + ".csv"));
        JobExecution later = runner.run(HighlightsJobConfiguration.JOB, date, false);
        assertThat(later.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** What a process killed mid-run leaves: an execution marked STARTED, with no end. */
    private JobExecution startedExecution(LocalDate date) throws Exception {
        Job job = runner.job(HighlightsJobConfiguration.JOB);
        JobParameters parameters = JobRunner.parameters(date, 0, java.util.Map.of());
        JobInstance instance = repository.createJobInstance(job.getName(), parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new org.springframework.batch.infrastructure.item.ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(java.time.LocalDateTime.now());
        repository.update(execution);
        return execution;
    }
}
