package dev.highlighter.writers;

import static dev.highlighter.core.vods.VodColumn.CHANNEL;
import static dev.highlighter.core.vods.VodColumn.CHAT_FORMAT;
import static dev.highlighter.core.vods.VodColumn.CHAT_IGNORED;
import static dev.highlighter.core.vods.VodColumn.CHAT_MESSAGES;
import static dev.highlighter.core.vods.VodColumn.CHAT_PATH;
import static dev.highlighter.core.vods.VodColumn.CHAT_REJECTED;
import static dev.highlighter.core.vods.VodColumn.CHAT_WINDOWS;
import static dev.highlighter.core.vods.VodColumn.DATE;
import static dev.highlighter.core.vods.VodColumn.DURATION_MS;
import static dev.highlighter.core.vods.VodColumn.FAILURE;
import static dev.highlighter.core.vods.VodColumn.HIGHLIGHTS;
import static dev.highlighter.core.vods.VodColumn.LAST_JOB_EXECUTION;
import static dev.highlighter.core.vods.VodColumn.MEDIA_CODECS;
import static dev.highlighter.core.vods.VodColumn.MEDIA_CUTS;
import static dev.highlighter.core.vods.VodColumn.MEDIA_ERROR;
import static dev.highlighter.core.vods.VodColumn.MEDIA_STATUS;
import static dev.highlighter.core.vods.VodColumn.MEDIA_WINDOWS;
import static dev.highlighter.core.vods.VodColumn.MODEL_SCOPE;
import static dev.highlighter.core.vods.VodColumn.MODEL_VERSION;
import static dev.highlighter.core.vods.VodColumn.REEL_DURATION_S;
import static dev.highlighter.core.vods.VodColumn.REEL_MODE;
import static dev.highlighter.core.vods.VodColumn.REEL_PATH;
import static dev.highlighter.core.vods.VodColumn.STATUS;
import static dev.highlighter.core.vods.VodColumn.VIDEO_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.VodRef;
import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.core.vods.VodColumn;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each typed operation leaves exactly the cells it stands for in the VOD's row of {@code vods}:
 * the values are those the stages wrote as maps before the writer was typed (the names are
 * pinned in core's VodColumnTest).
 */
class VodStatusWriterTest {

    private final VodStatusWriter vods = new VodStatusWriter(HBaseCells.connection());

    @Test
    void discoveredRecordsWhereTheVodIsAndLeavesOutAMissingFile() throws IOException {
        vods.discovered(new VodRef("lolesports", LocalDate.of(2019, 10, 3), "disc-1", "hdfs://nn/vods/disc-1.chat.csv", null));
        assertThat(row("disc-1")).isEqualTo(cells(CHANNEL, "lolesports", DATE, "2019-10-03", CHAT_PATH, "hdfs://nn/vods/disc-1.chat.csv"));
    }

    @Test
    void chatDoneRecordsTheCounts() throws IOException {
        vods.chatDone("chat-1", "hdfs://nn/c.jsonl", "JSONL", new VodStatusWriter.ChatCounts(1200, 240, 3, 7), 42);
        assertThat(row("chat-1")).isEqualTo(cells(CHAT_PATH, "hdfs://nn/c.jsonl", CHAT_FORMAT, "JSONL", CHAT_MESSAGES, "1200",
                CHAT_WINDOWS, "240", CHAT_REJECTED, "3", CHAT_IGNORED, "7", LAST_JOB_EXECUTION, "42"));
    }

    @Test
    void mediaDoneRecordsTheStatusAndClearsAnEarlierErrorWhenOk() throws IOException {
        VodStatusWriter.MediaCounts counts = new VodStatusWriter.MediaCounts("h264/aac", 36, 3);
        vods.mediaDone("media-1", "hdfs://nn/v.mp4", MediaStatus.DEGRADED_TO_CHAT, "video v.mp4: no frames", counts, 5);
        assertThat(row("media-1")).isEqualTo(cells(VIDEO_PATH, "hdfs://nn/v.mp4", MEDIA_CODECS, "h264/aac", MEDIA_WINDOWS, "36",
                MEDIA_CUTS, "3", MEDIA_STATUS, "DEGRADED_TO_CHAT", MEDIA_ERROR, "video v.mp4: no frames", LAST_JOB_EXECUTION, "5"));

        vods.mediaDone("media-1", "hdfs://nn/v.mp4", MediaStatus.OK, null, counts, 6);
        assertThat(row("media-1")).containsAllEntriesOf(cells(MEDIA_STATUS, "OK", MEDIA_ERROR, "", LAST_JOB_EXECUTION, "6"));
    }

    @Test
    void scoredRecordsTheModelVersionOfTheCurrentHighlights() throws IOException {
        Highlight h = new Highlight("scored-1", "rule-v0", 10_000, 40_000, 0.9, 1, List.of("chat_rate_z"), List.of("chat"));
        vods.scored(new VodHighlights("scored-1", "rule-v0", List.of(h), 600_000), 9);
        assertThat(row("scored-1")).isEqualTo(cells(STATUS, "SCORED", DURATION_MS, "600000", HIGHLIGHTS, "1",
                MODEL_VERSION, "rule-v0", MODEL_SCOPE, "default", LAST_JOB_EXECUTION, "9"));
        vods.scored(new VodHighlights("scored-1", "xgb-1", List.of(), 600_000), "lolesports", 10);
        assertThat(row("scored-1")).containsEntry(MODEL_VERSION.qualifier(), "xgb-1").containsEntry(MODEL_SCOPE.qualifier(), "lolesports");
    }

    @Test
    void aReelAndThenNoReel() throws IOException {
        vods.reelCut("reel-1", "hdfs://nn/reels/reel-1.mp4", "copy", 61.23456);
        assertThat(row("reel-1")).isEqualTo(cells(REEL_PATH, "hdfs://nn/reels/reel-1.mp4", REEL_MODE, "copy", REEL_DURATION_S, "61.235"));
        vods.noReel("reel-1");
        assertThat(row("reel-1")).isEqualTo(cells(REEL_PATH, "", REEL_MODE, "copy", REEL_DURATION_S, "0"));
    }

    @Test
    void aCompletedRunClearsTheFailureOfAnEarlierOne() throws IOException {
        String reason = "FAILED in chatFeatures.vod: chat file c.csv has no valid rows";
        vods.failed("fail-1", reason, 1);
        assertThat(row("fail-1")).isEqualTo(cells(STATUS, "FAILED", FAILURE, reason, LAST_JOB_EXECUTION, "1"));

        vods.scored(new VodHighlights("fail-1", "rule-v0", List.of(), 30_000), 2);
        vods.completed("fail-1");
        assertThat(row("fail-1")).isEqualTo(cells(STATUS, "SCORED", DURATION_MS, "30000", HIGHLIGHTS, "0", MODEL_VERSION, "rule-v0",
                MODEL_SCOPE, "default", LAST_JOB_EXECUTION, "2"));
    }

    private static TreeMap<String, String> row(String vodId) throws IOException {
        return HBaseCells.row(HBaseSchema.VODS, HBaseSchema.vodRow(vodId), HBaseSchema.DATA);
    }

    /** Column, value, column, value... as the row reads back. */
    private static TreeMap<String, String> cells(Object... columnsAndValues) {
        TreeMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            out.put(((VodColumn) columnsAndValues[i]).qualifier(), (String) columnsAndValues[i + 1]);
        }
        return out;
    }
}
