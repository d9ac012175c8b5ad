package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.HighlightColumn;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.models.ModelRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Replaces a VOD's highlights of one model version, then records the outcome in {@code vods}.
 *
 * <p>Rows that the new set no longer has are deleted; the others are overwritten. Deleting
 * every row first and then writing would be simpler, but an HBase delete marker hides puts of
 * the same millisecond, so a fast re-run could lose rows it just wrote.
 */
public class HighlightWriter implements ItemWriter<VodHighlights> {

    private final Connection connection;
    private final VodStatusWriter vods;
    private final long jobExecutionId;
    private final String scope;

    /** Highlights of the default scope's champion. */
    public HighlightWriter(Connection connection, VodStatusWriter vods, long jobExecutionId) {
        this(connection, vods, jobExecutionId, ModelRegistry.DEFAULT_SCOPE);
    }

    /** @param scope the scope whose champion scored the VODs, recorded with every segment and in {@code vods} */
    public HighlightWriter(Connection connection, VodStatusWriter vods, long jobExecutionId, String scope) {
        this.connection = connection;
        this.vods = vods;
        this.jobExecutionId = jobExecutionId;
        this.scope = scope;
    }

    @Override
    public void write(Chunk<? extends VodHighlights> chunk) throws Exception {
        for (VodHighlights vod : chunk) {
            List<Mutation> mutations = new ArrayList<>();
            Set<String> keep = new HashSet<>();
            for (Highlight h : vod.highlights()) {
                byte[] row = HBaseSchema.highlightRow(h.vodId(), h.modelVersion(), h.startMs());
                keep.add(Bytes.toStringBinary(row));
                mutations.add(put(row, h));
            }
            for (byte[] stale : existingRows(vod.vodId(), vod.modelVersion())) {
                if (!keep.contains(Bytes.toStringBinary(stale))) {
                    mutations.add(new Delete(stale));
                }
            }
            MutatorSupport.send(connection, HBaseSchema.HIGHLIGHTS, mutations);
            vods.scored(vod, scope, jobExecutionId);
        }
    }

    private Put put(byte[] row, Highlight h) {
        return new Put(row)
                .addColumn(HBaseSchema.DATA, HighlightColumn.START_MS.bytes(), text(h.startMs()))
                .addColumn(HBaseSchema.DATA, HighlightColumn.END_MS.bytes(), text(h.endMs()))
                .addColumn(HBaseSchema.DATA, HighlightColumn.SCORE.bytes(), text(h.score()))
                .addColumn(HBaseSchema.DATA, HighlightColumn.RANK.bytes(), text(h.rank()))
                .addColumn(HBaseSchema.DATA, HighlightColumn.MODEL_VERSION.bytes(), text(h.modelVersion()))
                .addColumn(HBaseSchema.DATA, HighlightColumn.MODEL_SCOPE.bytes(), text(scope))
                .addColumn(HBaseSchema.DATA, HighlightColumn.TOP_FEATURES.bytes(), text(String.join(",", h.topFeatures())))
                .addColumn(HBaseSchema.DATA, HighlightColumn.SIGNALS.bytes(), text(String.join(",", h.signals())))
                .addColumn(HBaseSchema.DATA, HighlightColumn.JOB_EXECUTION.bytes(), text(jobExecutionId));
    }

    /** Values are strings so that the HBase shell shows them as they are. */
    private static byte[] text(Object value) {
        return Bytes.toBytes(String.valueOf(value));
    }

    private List<byte[]> existingRows(String vodId, String modelVersion) throws IOException {
        byte[] prefix = HBaseSchema.highlightPrefix(vodId, modelVersion);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).setFilter(new KeyOnlyFilter());
        List<byte[]> rows = new ArrayList<>();
        try (Table table = connection.getTable(HBaseSchema.HIGHLIGHTS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                rows.add(r.getRow());
            }
        }
        return rows;
    }
}
