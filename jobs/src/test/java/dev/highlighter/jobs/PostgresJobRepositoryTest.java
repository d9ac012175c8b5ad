package dev.highlighter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.RequiredTool;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production job repository: the highlights job against a real PostgreSQL server, with the
 * Spring Batch and Spring Cloud Task schemas created by the application. .ci/run starts the
 * server (.ci/postgres.sh) and passes HIGHLIGHTER_TEST_PG_URL.
 */
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.cloud.task.name=highlighter-pg-test"})
class PostgresJobRepositoryTest {

    static final String URL = System.getenv("HIGHLIGHTER_TEST_PG_URL");

    /**
     * In the constructor, before Spring loads the context: the test is skipped (and counted as
     * skipped, which Surefire does not do for a skip in @BeforeAll) without starting anything.
     */
    PostgresJobRepositoryTest() {
        RequiredTool.POSTGRES.require();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL == null ? "jdbc:h2:mem:unused" : URL);
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void highlightsJobRunsWithAPostgresJobRepository() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        LocalDate date = LocalDate.of(2024, 8, 1);
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        hdfs.write("pg", date, "pg-vod.chat.jsonl", JobTestSupport.chat(11, List.of(100, 400)));

        JobExecution run = runner.run("highlights", date, true);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?", String.class, run.getId()))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where job_execution_id = ?", Integer.class, run.getId()))
                .as("sensor, discovery, 5 stage managers, 3 partitions of the chat-only VOD, summary").isEqualTo(11);
        assertThat(jdbc.queryForObject("select count(*) from task_task_batch where job_execution_id = ?", Integer.class, run.getId()))
                .as("the run is linked to this task execution").isEqualTo(1);
        assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, "pg-vod")).isPositive();
    }
}
