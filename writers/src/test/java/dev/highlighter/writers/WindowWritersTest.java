package dev.highlighter.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.ScoredBatch;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowFeatures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

/** Features and predictions land in {@code windows} under the salted row key, each in its family. */
class WindowWritersTest {

    @Test
    void chatFeaturesAndTokensLandUnderTheSaltedKey() throws Exception {
        WindowFeaturesWriter.chat(HBaseCells.connection()).write(new Chunk<>(List.of(
                new WindowFeatures("ww-chat", 5_000, Map.of("chat_msgs", 12.0, HBaseSchema.TOKEN_PREFIX + "kekw", 4.0)),
                new WindowFeatures("ww-chat", 10_000, Map.of("chat_msgs", 3.0)))));

        byte[] key = saltedKey("ww-chat", "000000005000");
        assertThat(key).isEqualTo(HBaseSchema.windowRow("ww-chat", 5_000));
        Result r = get(key);
        assertThat(Bytes.toDouble(r.getValue(HBaseSchema.CHAT, Bytes.toBytes("chat_msgs")))).isEqualTo(12.0);
        assertThat(Bytes.toDouble(r.getValue(HBaseSchema.TOKENS, Bytes.toBytes(HBaseSchema.TOKEN_PREFIX + "kekw")))).isEqualTo(4.0);
        assertThat(r.getValue(HBaseSchema.CHAT, Bytes.toBytes(HBaseSchema.TOKEN_PREFIX + "kekw"))).as("tokens only in t").isNull();
        assertThat(r.rawCells()).hasSize(2);
        assertThat(HBaseCells.rows(HBaseSchema.WINDOWS, HBaseSchema.vodPrefix("ww-chat")).stream().map(HBaseSchema::windowStart))
                .containsExactly(5_000L, 10_000L);
    }

    @Test
    void mediaFeaturesGoToTheirFamilyAndAReRunOverwrites() throws Exception {
        WindowFeaturesWriter media = new WindowFeaturesWriter(HBaseCells.connection(), HBaseSchema.MEDIA);
        media.write(new Chunk<>(List.of(new WindowFeatures("ww-media", 0, Map.of("media_rms_db", -20.5)))));
        media.write(new Chunk<>(List.of(new WindowFeatures("ww-media", 0, Map.of("media_rms_db", -18.0)))));
        Result r = get(saltedKey("ww-media", "000000000000"));
        assertThat(r.rawCells()).hasSize(1);
        assertThat(Bytes.toDouble(r.getValue(HBaseSchema.MEDIA, Bytes.toBytes("media_rms_db")))).isEqualTo(-18.0);
    }

    @Test
    void predictionsOfTwoVersionsSitSideBySide() throws Exception {
        PredictionWriter writer = new PredictionWriter(HBaseCells.connection());
        writer.write(new Chunk<>(List.of(
                new ScoredBatch("ww-pred", "rule-v0", List.of(new ScoredWindow("ww-pred", 15_000, 0.25, Map.of("chat_rate_z", 0.5)))),
                new ScoredBatch("ww-pred", "xgb-1", List.of(new ScoredWindow("ww-pred", 15_000, 0.75, Map.of("media_motion_z", 1.25)))))));
        Result r = get(saltedKey("ww-pred", "000000015000"));
        assertThat(Bytes.toDouble(r.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.probabilityQualifier("rule-v0")))).isEqualTo(0.25);
        assertThat(Bytes.toDouble(r.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.probabilityQualifier("xgb-1")))).isEqualTo(0.75);
        assertThat(PredictionCodec.decode(r.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.contributionsQualifier("xgb-1"))))
                .containsExactlyEntriesOf(Map.of("media_motion_z", 1.25));
        // per version: the probability, its log-odds (|margin, since scores rank) and the contributions (|why)
        assertThat(r.rawCells()).hasSize(6);
    }

    @Test
    void differentVodsSpreadOverThePreSplitRegions() throws Exception {
        try (RegionLocator locator = HBaseCells.connection().getRegionLocator(HBaseSchema.WINDOWS)) {
            assertThat(locator.getStartKeys().length).isEqualTo(HBaseSchema.SALT_REGIONS);
            // two ids whose salts fall in different eighths of the salt space
            String a = idWithSaltBelow(0x2000);
            String b = idWithSaltAtLeast(0xE000);
            new WindowFeaturesWriter(HBaseCells.connection(), HBaseSchema.MEDIA).write(new Chunk<>(List.of(
                    new WindowFeatures(a, 0, Map.of("media_motion", 1.0)), new WindowFeatures(b, 0, Map.of("media_motion", 2.0)))));
            HRegionLocation ra = locator.getRegionLocation(HBaseSchema.windowRow(a, 0));
            HRegionLocation rb = locator.getRegionLocation(HBaseSchema.windowRow(b, 0));
            assertThat(ra.getRegion().getEncodedName()).isNotEqualTo(rb.getRegion().getEncodedName());
            assertThat(get(HBaseSchema.windowRow(a, 0)).isEmpty()).isFalse();
            assertThat(get(HBaseSchema.windowRow(b, 0)).isEmpty()).isFalse();
        }
    }

    /** 2-byte salt + vodId + '#' + zero-padded start, spelled out. */
    private static byte[] saltedKey(String vodId, String paddedStart) {
        return Bytes.add(HBaseSchema.salt(vodId), (vodId + "#" + paddedStart).getBytes(StandardCharsets.UTF_8));
    }

    private static Result get(byte[] row) throws Exception {
        try (Table t = HBaseCells.connection().getTable(HBaseSchema.WINDOWS)) {
            return t.get(new Get(row));
        }
    }

    private static int salt(String id) {
        byte[] s = HBaseSchema.salt(id);
        return ((s[0] & 0xFF) << 8) | (s[1] & 0xFF);
    }

    private static String idWithSaltBelow(int limit) {
        for (int i = 0; ; i++) {
            if (salt("ww-spread-" + i) < limit) {
                return "ww-spread-" + i;
            }
        }
    }

    private static String idWithSaltAtLeast(int limit) {
        for (int i = 0; ; i++) {
            if (salt("ww-spread-" + i) >= limit) {
                return "ww-spread-" + i;
            }
        }
    }
}
