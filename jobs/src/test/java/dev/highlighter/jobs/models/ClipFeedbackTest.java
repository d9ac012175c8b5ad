package dev.highlighter.jobs.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.processors.feedback.LabelAggregator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Viewers' clips as feedback, on MiniDFS and the HBase mini cluster: clip events in the date's
 * feedback folder and in a folder of their own (here on the local file system, as a user's
 * export would be) count like shares over the seconds each clip covers.
 */
@HighlighterJobTest
class ClipFeedbackTest {

    static final LocalDate DATE = LocalDate.of(2019, 10, 9);
    static final String DOTA_A = "324215198";
    static final String DOTA_B = "341205295";

    @TempDir
    java.nio.file.Path clips;

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void clipsCountLikeSharesOverTheSecondsTheyCover() throws Exception {
        // in the date's folder, beside a view: a clip of 152-165 s (a labelled Dota 2 highlight)
        try (var out = fs.create(new Path(layout.feedback(DATE), "events.jsonl"), true)) {
            out.write(("""
                    {"type": "clip", "vod": "324215198", "t": 152, "duration": 13}
                    {"vod_id": "324215198", "start_s": 400, "end_s": 410, "kind": "view", "value": 0.9}
                    """).getBytes(StandardCharsets.UTF_8));
        }
        // a folder of clip events: a numeric VOD id, a skip inside a clip, and two bad lines
        Files.writeString(clips.resolve("clips-2019-10-09.jsonl"), """
                {"type": "clip", "vod": 341205295, "t": 100.5, "duration": 30}
                {"vod_id": "341205295", "start_s": 100, "end_s": 105, "kind": "skip"}
                {"type": "clip", "vod": "341205295", "t": "soon", "duration": 30}
                {"type": "raid", "vod": "341205295", "t": 10, "duration": 30}
                """);
        JobExecution feedback = runner.run("feedback", DATE, false, Map.of("clips", clips.toUri().toString()));
        assertThat(feedback.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution events = feedback.getStepExecutions().stream().filter(s -> s.getStepName().equals("feedbackEvents"))
                .findFirst().orElseThrow();
        assertThat(events.getReadCount()).isEqualTo(4);
        assertThat(events.getReadSkipCount()).isEqualTo(2);
        String quarantined = new JobTestSupport(fs, layout, connection).read(layout.quarantineFile("feedback", DATE, "events", "feedback"));
        assertThat(quarantined).contains("\"line\":3").contains("a clip's t and duration must be numbers")
                .contains("\"line\":4").contains("type 'raid' is not 'clip'").contains("clips-2019-10-09.jsonl");

        // 152-165 s: windows 150, 155 and 160 s are highlights, the ones around them untouched
        assertThat(label(DOTA_A, 145_000)).isNull();
        assertThat(label(DOTA_A, 150_000)).isEqualTo(1.0);
        assertThat(label(DOTA_A, 160_000)).isEqualTo(1.0);
        assertThat(label(DOTA_A, 165_000)).isNull();
        assertThat(label(DOTA_A, 400_000)).as("a view alone is mild praise, not a label").isNull();
        // 100.5-130.5 s: the skip takes the first window from +2 to +1, still a highlight
        assertThat(score(DOTA_B, 100_000)).isEqualTo(1.0);
        assertThat(label(DOTA_B, 100_000)).isEqualTo(1.0);
        assertThat(score(DOTA_B, 105_000)).isEqualTo(2.0);
        assertThat(label(DOTA_B, 130_000)).isEqualTo(1.0);
        assertThat(label(DOTA_B, 135_000)).isNull();
    }

    @Test
    void aFolderOfClipsThatIsNotThereFailsTheRunAndSaysWhich() throws Exception {
        JobExecution feedback = runner.run("feedback", DATE.plusDays(1), false,
                Map.of("clips", clips.resolve("no-such-folder").toUri().toString()));
        assertThat(feedback.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(feedback.getAllFailureExceptions()).anySatisfy(e ->
                assertThat(e).hasMessageContaining("clip events").hasMessageContaining("no-such-folder"));
    }

    private Double label(String vod, long startMs) throws Exception {
        return column(vod, startMs, LabelAggregator.LABEL);
    }

    private Double score(String vod, long startMs) throws Exception {
        return column(vod, startMs, LabelAggregator.SCORE);
    }

    private Double column(String vod, long startMs, String name) throws Exception {
        try (Table t = connection.getTable(HBaseSchema.WINDOWS)) {
            byte[] v = t.get(new Get(HBaseSchema.windowRow(vod, startMs))).getValue(HBaseSchema.LABELS, Bytes.toBytes(name));
            return v == null ? null : Bytes.toDouble(v);
        }
    }
}
