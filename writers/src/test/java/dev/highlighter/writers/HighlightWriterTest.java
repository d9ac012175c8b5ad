package dev.highlighter.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.HighlightColumn;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.vods.VodColumn;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

/** A write replaces the VOD's segments of one model version, and only those. */
class HighlightWriterTest {

    private static final String VOD = "hl-vod";

    private final VodStatusWriter vods = new VodStatusWriter(HBaseCells.connection());

    @Test
    void replacesTheSegmentsOfOneModelVersion() throws Exception {
        write("m1", 7, 1_000_000, highlight("m1", 10_000, 40_000, 0.91, 1), highlight("m1", 100_000, 130_000, 0.72, 2),
                highlight("m1", 300_000, 320_000, 0.55, 3));
        write("m2", 7, 1_000_000, highlight("m2", 50_000, 80_000, 0.8, 1));
        assertThat(starts("m1")).containsExactly(10_000L, 100_000L, 300_000L);

        // a new run of m1 keeps one start, moves one and drops one
        write("m1", 8, 1_000_000, highlight("m1", 10_000, 45_000, 0.93, 1), highlight("m1", 200_000, 230_000, 0.6, 2));
        assertThat(starts("m1")).as("stale segments deleted").containsExactly(10_000L, 200_000L);
        assertThat(starts("m2")).as("another version's segments are left alone").containsExactly(50_000L);

        TreeMap<String, String> first = HBaseCells.row(HBaseSchema.HIGHLIGHTS, HBaseSchema.highlightRow(VOD, "m1", 10_000), HBaseSchema.DATA);
        assertThat(first).isEqualTo(new TreeMap<>(Map.of(
                HighlightColumn.START_MS.qualifier(), "10000", HighlightColumn.END_MS.qualifier(), "45000",
                HighlightColumn.SCORE.qualifier(), "0.93", HighlightColumn.RANK.qualifier(), "1",
                HighlightColumn.MODEL_VERSION.qualifier(), "m1", HighlightColumn.TOP_FEATURES.qualifier(), "chat_rate_z,media_rms_db_z",
                HighlightColumn.SIGNALS.qualifier(), "chat,media", HighlightColumn.JOB_EXECUTION.qualifier(), "8",
                HighlightColumn.MODEL_SCOPE.qualifier(), "lolesports")));

        TreeMap<String, String> vod = HBaseCells.row(HBaseSchema.VODS, HBaseSchema.vodRow(VOD), HBaseSchema.DATA);
        assertThat(vod).containsEntry(VodColumn.STATUS.qualifier(), "SCORED").containsEntry(VodColumn.HIGHLIGHTS.qualifier(), "2")
                .containsEntry(VodColumn.MODEL_VERSION.qualifier(), "m1").containsEntry(VodColumn.MODEL_SCOPE.qualifier(), "lolesports")
                .containsEntry(VodColumn.LAST_JOB_EXECUTION.qualifier(), "8");
    }

    @Test
    void aReRunLeavesNoDuplicatesAndAnEmptySetLeavesNone() throws Exception {
        Highlight[] set = {highlight("r1", 5_000, 25_000, 0.7, 1), highlight("r1", 60_000, 90_000, 0.65, 2)};
        write("r1", 1, 120_000, set);
        List<byte[]> before = HBaseCells.rows(HBaseSchema.HIGHLIGHTS, HBaseSchema.highlightPrefix(VOD, "r1"));
        write("r1", 2, 120_000, set);
        write("r1", 3, 120_000, set);
        List<byte[]> after = HBaseCells.rows(HBaseSchema.HIGHLIGHTS, HBaseSchema.highlightPrefix(VOD, "r1"));
        assertThat(after).hasSize(2);
        assertThat(after.stream().map(Bytes::toStringBinary)).containsExactlyElementsOf(before.stream().map(Bytes::toStringBinary).toList());

        write("r1", 4, 120_000);
        assertThat(HBaseCells.rows(HBaseSchema.HIGHLIGHTS, HBaseSchema.highlightPrefix(VOD, "r1"))).isEmpty();
    }

    private void write(String version, long jobExecutionId, long durationMs, Highlight... highlights) throws Exception {
        new HighlightWriter(HBaseCells.connection(), vods, jobExecutionId, "lolesports")
                .write(new Chunk<>(List.of(new VodHighlights(VOD, version, Arrays.asList(highlights), durationMs))));
    }

    private static Highlight highlight(String version, long startMs, long endMs, double score, int rank) {
        return new Highlight(VOD, version, startMs, endMs, score, rank, List.of("chat_rate_z", "media_rms_db_z"), List.of("chat", "media"));
    }

    private static List<Long> starts(String version) throws IOException {
        return HBaseCells.rows(HBaseSchema.HIGHLIGHTS, HBaseSchema.highlightPrefix(VOD, version)).stream()
                .map(HBaseSchema::windowStart).toList();
    }
}
