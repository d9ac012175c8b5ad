package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.core.vods.VodStatus;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** Media in the whole job: each bad case ends the way the README says, and the others complete. */
@HighlighterJobTest
class MediaJobTest {

    static final LocalDate DATE = LocalDate.of(2024, 9, 9);

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void badVideosDegradeOrFailTheirOwnVodOnly() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        // chat + a text file named .mp4: scored on chat alone
        hdfs.write("media", DATE, "chatty.chat.jsonl", JobTestSupport.chat(5, List.of(100)));
        hdfs.write("media", DATE, "chatty.mp4", "this is not a video");
        // video only, empty: fails its VOD
        hdfs.write("media", DATE, "empty.mp4", "");
        // video only, audio dies after 5 s: scored on video, audio left out
        hdfs.put("media", DATE, "dying.mp4", SharedData.dir().resolve("video/video_with_failing_audio.mp4"));
        // video only, fine
        hdfs.put("media", DATE, "bunny.webm", SharedData.dir().resolve("video/big_buck_bunny_0_30.webm"));

        JobExecution run = runner.run("highlights", DATE, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getAllFailureExceptions()).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("1 VOD(s) failed").contains("empty FAILED in mediaFeatures.vod")
                        .contains("empty.mp4 is empty (0 bytes)"));
        var summary = run.getStepExecutions().stream().filter(s -> s.getStepName().equals("summary")).findFirst().orElseThrow();
        assertThat(summary.getExecutionContext().getLong("vodsDegradedToChat")).as("chatty, from its media step's record").isEqualTo(1);
        HighlightReader reader = new HighlightReader(connection);
        VodRowReader vods = new VodRowReader(connection);

        VodRow chatty = vods.read("chatty").orElseThrow();
        assertThat(chatty.mediaStatus()).contains(MediaStatus.DEGRADED_TO_CHAT);
        assertThat(chatty.get(VodColumn.MEDIA_ERROR)).hasValueSatisfying(m -> assertThat(m).contains("chatty.mp4").contains("text"));
        assertThat(chatty.status()).contains(VodStatus.SCORED);
        assertThat(familyCells("chatty", 70_000, HBaseSchema.MEDIA)).as("no media rows kept").isZero();
        assertThat(reader.highlights("chatty", RuleModelV0.VERSION)).isNotEmpty()
                .allSatisfy(h -> assertThat(h.signals()).containsExactly("chat"));

        assertThat(hdfs.rows(HBaseSchema.WINDOWS, "empty")).isZero();
        assertThat(vods.read("empty").orElseThrow().status()).contains(VodStatus.FAILED);

        VodRow dying = vods.read("dying").orElseThrow();
        assertThat(dying.mediaStatus()).contains(MediaStatus.AUDIO_DROPPED);
        assertThat(dying.status()).contains(VodStatus.SCORED);
        try (Table t = connection.getTable(HBaseSchema.WINDOWS)) {
            Result first = t.get(new Get(HBaseSchema.windowRow("dying", 0)));
            assertThat(first.getValue(HBaseSchema.MEDIA, Bytes.toBytes("media_motion"))).isNotNull();
            assertThat(first.getValue(HBaseSchema.MEDIA, Bytes.toBytes("media_rms_db"))).as("audio left out").isNull();
        }

        assertThat(hdfs.rows(HBaseSchema.WINDOWS, "bunny")).as("30.003 s: six whole windows").isEqualTo(6);
        List<Highlight> bunny = reader.highlights("bunny", RuleModelV0.VERSION);
        assertThat(vods.read("bunny").orElseThrow().number(VodColumn.MEDIA_CUTS)).hasValue(3);
        assertThat(bunny).allSatisfy(h -> assertThat(h.signals()).containsExactly("media"));
    }

    private long familyCells(String vod, long startMs, byte[] family) throws Exception {
        long n = 0;
        try (Table t = connection.getTable(HBaseSchema.WINDOWS)) {
            for (long ms = 0; ms <= startMs; ms += 5000) {
                Result r = t.get(new Get(HBaseSchema.windowRow(vod, ms)).addFamily(family));
                n += r.isEmpty() ? 0 : r.size();
            }
        }
        return n;
    }
}
