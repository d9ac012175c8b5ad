package dev.highlighter.readers.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.testing.MiniClusters;
import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.core.vods.VodStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

/** Rows of {@code vods} as the HBase mini cluster holds them, read back typed. */
class VodRowReaderTest {

    private final VodRowReader reader = new VodRowReader(MiniClusters.get().connection());

    @Test
    void readsTheColumnsARowHas() throws IOException {
        put("vrr-1", Map.of(VodColumn.DATE, "2019-10-03", VodColumn.STATUS, "SCORED", VodColumn.MEDIA_STATUS, "AUDIO_DROPPED",
                VodColumn.CHAT_MESSAGES, "5321", VodColumn.MODEL_VERSION, "xgb-1"));
        VodRow row = reader.read("vrr-1").orElseThrow();
        assertThat(row.vodId()).isEqualTo("vrr-1");
        assertThat(row.status()).contains(VodStatus.SCORED);
        assertThat(row.mediaStatus()).contains(MediaStatus.AUDIO_DROPPED);
        assertThat(row.number(VodColumn.CHAT_MESSAGES)).hasValue(5321);
        assertThat(row.modelVersion()).contains("xgb-1");
        assertThat(row.get(VodColumn.FAILURE)).isEmpty();
        assertThat(row.cells()).hasSize(5);
    }

    @Test
    void aVodNoRunRegisteredHasNoRow() throws IOException {
        assertThat(reader.read("vrr-never")).isEmpty();
    }

    @Test
    void aStatusItDoesNotKnowIsAnErrorNamingTheVod() throws IOException {
        put("vrr-bad", Map.of(VodColumn.STATUS, "DONE"));
        VodRow row = reader.read("vrr-bad").orElseThrow();
        assertThatThrownBy(row::status).hasMessageContaining("vrr-bad").hasMessageContaining("'DONE'");
    }

    @Test
    void vodsBetweenTwoDatesInclusive() throws IOException {
        put("vrr-d1", Map.of(VodColumn.DATE, "2031-05-01"));
        put("vrr-d2", Map.of(VodColumn.DATE, "2031-05-03"));
        put("vrr-d3", Map.of(VodColumn.DATE, "2031-05-04"));
        assertThat(reader.vodsBetween(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 3))).containsExactlyInAnyOrder("vrr-d1", "vrr-d2");
    }

    private static void put(String vodId, Map<VodColumn, String> cells) throws IOException {
        Put put = new Put(HBaseSchema.vodRow(vodId));
        cells.forEach((c, v) -> put.addColumn(HBaseSchema.DATA, c.bytes(), Bytes.toBytes(v)));
        try (Table t = MiniClusters.get().connection().getTable(HBaseSchema.VODS)) {
            t.put(put);
        }
    }
}
