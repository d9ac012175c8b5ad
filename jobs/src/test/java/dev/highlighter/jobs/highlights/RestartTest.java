package dev.highlighter.jobs.highlights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A broken chat file fails its own VOD only; once fixed, a restart runs just that VOD and HBase
 * ends up exactly as after a clean run. A re-run of a completed date changes nothing.
 */
@HighlighterJobTest
class RestartTest {

    static final LocalDate DATE = LocalDate.of(2024, 5, 17);
    static final String GOOD = "good-vod";
    static final String BROKEN = "broken-vod";
    static final String NOISY = "noisy-vod";
    static final List<String> VODS = List.of(GOOD, BROKEN, NOISY);

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void failedVodRestartsAloneAndEndsLikeACleanRun() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        hdfs.write("chan", DATE, GOOD + ".chat.jsonl", JobTestSupport.chat(1, List.of(120, 300)));
        hdfs.write("chan", DATE, BROKEN + ".chat.jsonl", "{\"t\": \"soon\", \"text\": \"x\"}\nnot json\n");
        String noisy = JobTestSupport.chat(2, List.of(200)) + "{\"t\": -4, \"text\": \"negative\"}\n{\"t\": 7, \"user\": \"u\"}\n";
        hdfs.write("chan", DATE, NOISY + ".chat.jsonl", noisy);

        // 1. the broken VOD fails its partition; the others complete
        JobExecution first = runner.run(HighlightsJobConfiguration.JOB, DATE, false);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.getAllFailureExceptions()).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains(BROKEN).contains("has no valid rows").contains("2 malformed rows"));
        assertThat(step(first, "chatFeatures.vod:" + BROKEN).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(first, "segments.vod:" + GOOD).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, GOOD)).isPositive();
        assertThat(hdfs.rows(HBaseSchema.WINDOWS, BROKEN)).isZero();

        // malformed rows are skipped, counted and quarantined with their line and reason
        StepExecution noisyChat = step(first, "chatFeatures.vod:" + NOISY);
        assertThat(noisyChat.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(noisyChat.getReadSkipCount()).isEqualTo(2);
        long noisyLines = noisy.lines().count();
        String quarantined = hdfs.read(layout.quarantineFile(HighlightsJobConfiguration.JOB, DATE, NOISY, "chat"));
        assertThat(quarantined.lines()).hasSize(2);
        assertThat(quarantined).contains("\"line\":" + (noisyLines - 1)).contains("is negative")
                .contains("\"line\":" + noisyLines).contains("no string field 'text'").contains(NOISY + ".chat.jsonl");

        // 2. fix the file and restart: only the broken VOD runs again
        hdfs.write("chan", DATE, BROKEN + ".chat.jsonl", JobTestSupport.chat(3, List.of(90, 240)));
        JobExecution restart = runner.run(HighlightsJobConfiguration.JOB, DATE, false);
        assertThat(restart.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restart.getJobInstance().getId()).isEqualTo(first.getJobInstance().getId());
        assertThat(restart.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("chatFeatures.vod:" + BROKEN, "segments.vod:" + BROKEN)
                .doesNotContain("chatFeatures.vod:" + GOOD, "chatFeatures.vod:" + NOISY, "segments.vod:" + GOOD);
        assertThat(hdfs.exists(layout.quarantineFile(HighlightsJobConfiguration.JOB, DATE, BROKEN, "chat")))
                .as("the fixed file left no stale quarantine").isFalse();
        TreeMap<String, String> restarted = hdfs.snapshot(VODS);

        // 3. a clean run over the same inputs gives exactly the same cells
        hdfs.wipe(VODS);
        JobExecution clean = runner.run(HighlightsJobConfiguration.JOB, DATE, true);
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(clean.getJobInstance().getId()).isNotEqualTo(first.getJobInstance().getId());
        TreeMap<String, String> cleanRun = hdfs.snapshot(VODS);
        assertThat(cleanRun).isNotEmpty().isEqualTo(restarted);

        // 4. re-running a completed date with a new run id changes nothing and duplicates nothing
        long highlightRows = hdfs.rows(HBaseSchema.HIGHLIGHTS, GOOD);
        JobExecution rerun = runner.run(HighlightsJobConfiguration.JOB, DATE, true);
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(hdfs.snapshot(VODS)).isEqualTo(cleanRun);
        assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, GOOD)).isEqualTo(highlightRows);

        // and a plain run of a completed date does not start anything
        JobExecution again = runner.run(HighlightsJobConfiguration.JOB, DATE, false);
        assertThat(again.getId()).isEqualTo(restart.getId());
    }

    private StepExecution step(JobExecution execution, String name) {
        return repository.getLastStepExecution(execution.getJobInstance(), name);
    }

}
