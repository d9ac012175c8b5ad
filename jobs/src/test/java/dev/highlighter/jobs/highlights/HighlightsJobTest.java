package dev.highlighter.jobs.highlights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.PredictionCodec;
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
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole highlights job on real HDFS and HBase, over real LoL chat and a real video. */
@HighlighterJobTest
class HighlightsJobTest {

    static final LocalDate DATE = LocalDate.of(2019, 10, 3);
    static final List<String> GAMES = List.of("102844212428895431", "102844224147717245", "102844412705217835");

    @Autowired
    JobRunner runner;
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

    @Test
    void scoresEveryChatVodAndTheVideoOnlyOne() throws Exception {
        for (String game : GAMES) {
            hdfs.put("lolesports", DATE, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        hdfs.put("lolesports", DATE, "chaplin.mp4", SharedData.dir().resolve("video/chaplin.mp4"));

        JobExecution run = runner.run(HighlightsJobConfiguration.JOB, DATE, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        HighlightReader highlights = new HighlightReader(connection);
        VodRowReader vods = new VodRowReader(connection);
        for (String game : GAMES) {
            double[] offsets = Files.readAllLines(SharedData.lolChat().resolve(game + ".csv")).stream().skip(1)
                    .map(l -> l.split(",")).filter(f -> f.length >= 8)
                    .mapToDouble(f -> {
                        try {
                            return Double.parseDouble(f[6]);
                        } catch (NumberFormatException e) {
                            return Double.NaN;
                        }
                    }).filter(d -> !Double.isNaN(d)).sorted().toArray();
            long expectedWindows = (long) (offsets[offsets.length - 1] / 5) - (long) (offsets[0] / 5) + 1;
            assertThat(hdfs.rows(HBaseSchema.WINDOWS, game)).as(game + ": one row per 5 s window, first to last message")
                    .isEqualTo(expectedWindows);

            try (Table windows = connection.getTable(HBaseSchema.WINDOWS)) {
                long firstWindowMs = (long) (offsets[0] / 5) * 5000;
                Result first = windows.get(new Get(HBaseSchema.windowRow(game, firstWindowMs)));
                assertThat(first.getValue(HBaseSchema.CHAT, Bytes.toBytes("chat_msgs"))).isNotNull();
                double p = Bytes.toDouble(first.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.probabilityQualifier(RuleModelV0.VERSION)));
                assertThat(p).isBetween(0.0, 1.0);
            }
            List<Highlight> found = highlights.highlights(game, RuleModelV0.VERSION);
            assertThat(found).as(game).isNotEmpty();
            assertThat(found).allSatisfy(h -> {
                // the log-odds above the threshold summed over the segment: 0 up, not a probability
                assertThat(h.score()).isGreaterThanOrEqualTo(0.0);
                assertThat(h.endMs() - h.startMs()).isBetween(15_000L, 95_000L);
                assertThat(h.startSeconds()).isGreaterThanOrEqualTo(offsets[0] - 10);
                assertThat(h.signals()).containsExactly("chat");
                assertThat(h.topFeatures()).isNotEmpty();
            });
            assertThat(found).extracting(Highlight::rank).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, found.size()).boxed().toList());
            // rank follows the score, and the scores do not tie
            assertThat(found.stream().sorted(java.util.Comparator.comparingInt(Highlight::rank)).map(Highlight::score).toList())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
            VodRow row = vods.read(game).orElseThrow();
            assertThat(row.status()).contains(VodStatus.SCORED);
            assertThat(row.number(VodColumn.CHAT_MESSAGES)).hasValue(SharedData.lolMessages(game));
        }
        // the video-only VOD is scored on media alone
        VodRow chaplin = vods.read("chaplin").orElseThrow();
        assertThat(chaplin.status()).contains(VodStatus.SCORED);
        assertThat(chaplin.mediaStatus()).contains(MediaStatus.OK);
        assertThat(hdfs.rows(HBaseSchema.WINDOWS, "chaplin")).as("9.6 s of video: two 5 s windows").isEqualTo(2);
        assertThat(highlights.highlights("chaplin", RuleModelV0.VERSION)).allSatisfy(h -> assertThat(h.signals()).containsExactly("media"));

        assertThat(run.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith(VodStage.CHAT_FEATURES.worker() + ":"))
                .hasSize(GAMES.size()).allMatch(s -> s.getStatus() == BatchStatus.COMPLETED);
        assertThat(run.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith(VodStage.MEDIA_FEATURES.worker() + ":"))
                .hasSize(1).allMatch(s -> s.getStatus() == BatchStatus.COMPLETED);
        for (String stage : List.of(VodStage.INFERENCE.worker(), VodStage.SEGMENTS.worker())) {
            assertThat(run.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith(stage + ":"))
                    .as(stage).hasSize(GAMES.size() + 1).allMatch(s -> s.getStatus() == BatchStatus.COMPLETED);
        }
        StepExecution summary = run.getStepExecutions().stream().filter(s -> s.getStepName().equals("summary")).findFirst().orElseThrow();
        assertThat(summary.getExecutionContext().getLong("vodsScored")).isEqualTo(4);
        assertThat(summary.getExecutionContext().getLong("vodsVideoOnly")).isEqualTo(1);
    }
}
