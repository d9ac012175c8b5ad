package dev.highlighter.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduler and backfill with the real launcher: real jobs, the job repository, HDFS and HBase. */
@HighlighterJobTest
class SchedulerOnClustersTest {

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepositoryLauncher launcher;
    @Autowired
    Backfill backfill;
    @Autowired
    JobRepository repository;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    JobTestSupport hdfs;

    @BeforeEach
    void setUp() {
        hdfs = new JobTestSupport(fs, layout, connection);
    }

    static final String NIGHTLY = """
            schedules:
              highlights:
                job: highlights
                cron: "0 2 * * *"
                logicalDate: yesterday
                sensor: {pokeInterval: PT1S, timeout: PT0S, softFail: true}
            """;

    private void vod(LocalDate date, String vodId, boolean complete) throws Exception {
        hdfs.write("sched", date, vodId + ".chat.jsonl", JobTestSupport.chat(date.toEpochDay(), List.of(150)));
        if (complete) {
            hdfs.write("sched", date, "_SUCCESS", "");
        }
    }

    @Test
    void firesTheRealJobOnScheduleAndSoftFailsWithoutInputs() throws Exception {
        LocalDate ready = LocalDate.of(2025, 1, 10);
        LocalDate late = LocalDate.of(2025, 1, 11);
        vod(ready, "sched-ready", true);
        vod(late, "sched-late", false);
        ManualClock clock = new ManualClock("2025-01-11T01:59:59Z");
        SchedulerEngine engine = new SchedulerEngine(SchedulesLoaderTest.load(NIGHTLY), launcher, clock, Runnable::run);
        engine.start();

        clock.advance(Duration.ofSeconds(2));
        engine.tick();
        JobExecution run = runner.lastExecution("highlights", ready);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getJobParameters().getString("schedule")).isEqualTo("highlights");
        assertThat(run.getJobParameters().getString("sensor.softFail")).isEqualTo("true");
        assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, "sched-ready")).isPositive();

        clock.advance(Duration.ofDays(1));
        engine.tick();
        JobExecution skipped = runner.lastExecution("highlights", late);
        assertThat(skipped.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(skipped.getExitStatus().getExitCode()).isEqualTo("SKIPPED");
        assertThat(hdfs.rows(HBaseSchema.WINDOWS, "sched-late")).as("nothing scored without _SUCCESS").isZero();
        assertThat(engine.history()).containsExactly("highlights 2025-01-10 COMPLETED", "highlights 2025-01-11 SKIPPED");
    }

    @Test
    void twoSchedulersRacingForOneDateRunItOnce() throws Exception {
        LocalDate date = LocalDate.of(2025, 2, 1);
        vod(date, "sched-race", true);
        String yaml = NIGHTLY;
        ManualClock clock = new ManualClock("2025-02-02T01:59:59Z");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<SchedulerEngine> engines = List.of(
                new SchedulerEngine(SchedulesLoaderTest.load(yaml), launcher, clock, Runnable::run),
                new SchedulerEngine(SchedulesLoaderTest.load(yaml), launcher, clock, Runnable::run));
        engines.forEach(SchedulerEngine::start);
        clock.advance(Duration.ofSeconds(2));
        for (SchedulerEngine e : engines) {
            threads.submit(() -> {
                go.await();
                e.tick();
                return null;
            });
        }
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        JobExecution last = runner.lastExecution("highlights", date);
        assertThat(repository.getJobExecutions(last.getJobInstance())).as("one execution of the date in the repository").hasSize(1);
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> outcomes = engines.stream().flatMap(e -> e.history().stream()).toList();
        assertThat(outcomes).hasSize(2).allMatch(o -> o.endsWith("COMPLETED") || o.endsWith("TAKEN"));
    }

    @Test
    void backfillRefusesBadRangesAndUnknownJobsBeforeRunningAnything() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backfill.run("highlights", LocalDate.of(2025, 3, 5),
                        LocalDate.of(2025, 3, 1), 1, false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the range starts (2025-03-05) after it ends (2025-03-01)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backfill.run("nosuchjob", LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 3, 2), 1, false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown job 'nosuchjob'");
    }

    @Test
    void backfillSkipsCompletedRestartsFailedAndPrintsATable() throws Exception {
        LocalDate done = LocalDate.of(2025, 3, 1);
        LocalDate broken = LocalDate.of(2025, 3, 2);
        LocalDate fresh = LocalDate.of(2025, 3, 3);
        vod(done, "bf-done", true);
        vod(fresh, "bf-fresh", true);
        hdfs.write("sched", broken, "bf-broken.chat.jsonl", "not json\n");
        assertThat(runner.run("highlights", done, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runner.run("highlights", broken, false).getStatus()).isEqualTo(BatchStatus.FAILED);
        hdfs.write("sched", broken, "bf-broken.chat.jsonl", JobTestSupport.chat(7, List.of(150)));

        List<Backfill.Row> rows = backfill.run("highlights", done, fresh, 2, false, Map.of());

        assertThat(rows).extracting(Backfill.Row::date).containsExactly(done, broken, fresh);
        assertThat(rows).extracting(Backfill.Row::action).containsExactly("skip", "restart", "start");
        assertThat(rows).extracting(Backfill.Row::status).containsExactly("COMPLETED (already)", "COMPLETED", "COMPLETED");
        String table = Backfill.table(rows);
        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(2)).startsWith("2025-03-02  restart  COMPLETED");
        assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, "bf-broken")).isPositive();
    }

}
