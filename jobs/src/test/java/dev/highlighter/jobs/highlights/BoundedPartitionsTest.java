package dev.highlighter.jobs.highlights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** Many VODs in one date take the same few threads: never more partitions at once than workers. */
@HighlighterJobTest
class BoundedPartitionsTest {

    static final LocalDate DATE = LocalDate.of(2019, 12, 1);
    static final int VODS = 12;

    @Autowired
    JobRunner runner;
    @Autowired
    HighlighterProperties props;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void aDayOfManyVodsRunsAtMostWorkersPartitionsAtOnce() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        List<String> games = List.of("102844212428895431", "102844224147717245", "102844412705217835");
        for (int i = 0; i < VODS; i++) {
            String game = games.get(i % games.size());
            // the first 1500 rows of a real game: enough for windows, quick to score
            String head = String.join("\n", Files.readAllLines(SharedData.lolChat().resolve(game + ".csv")).subList(0, 1500));
            hdfs.write("lolesports", DATE, String.format("many%02d.chat.csv", i), head + "\n");
        }

        JobExecution run = runner.run(HighlightsJobConfiguration.JOB, DATE, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (VodStage stage : List.of(VodStage.CHAT_FEATURES, VodStage.INFERENCE, VodStage.SEGMENTS)) {
            List<StepExecution> partitions = run.getStepExecutions().stream()
                    .filter(s -> s.getStepName().startsWith(stage.worker() + ":")).toList();
            assertThat(partitions).as(stage.name()).hasSize(VODS);
            assertThat(maxOverlap(partitions)).as(stage + ": partitions running at once").isBetween(1, props.workers());
        }
    }

    /** The most executions whose [start, end] intervals overlap at one instant. */
    static int maxOverlap(List<StepExecution> executions) {
        List<long[]> events = new ArrayList<>();
        for (StepExecution e : executions) {
            events.add(new long[] {millis(e.getStartTime()), 1});
            events.add(new long[] {millis(e.getEndTime()), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1])); // ends before starts
        int running = 0;
        int max = 0;
        for (long[] e : events) {
            running += (int) e[1];
            max = Math.max(max, running);
        }
        return max;
    }

    private static long millis(LocalDateTime t) {
        return t.atZone(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
