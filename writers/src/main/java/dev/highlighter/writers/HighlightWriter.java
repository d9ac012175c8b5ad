package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.VodHighlights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public HighlightWriter(Connection connection, VodStatusWriter vods, long jobExecutionId) {
        this.connection = connection;
        this.vods = vods;
        this.jobExecutionId = jobExecutionId;
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
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", "SCORED");
            status.put("duration_ms", vod.durationMs());
            status.put("highlights", vod.highlights().size());
            status.put("model_version", vod.modelVersion());
            status.put("last_job_execution", jobExecutionId);
            vods.update(vod.vodId(), status);
        }
    }

    private Put put(byte[] row, Highlight h) {
        return new Put(row)
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("start_ms"), Bytes.toBytes(String.valueOf(h.startMs())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("end_ms"), Bytes.toBytes(String.valueOf(h.endMs())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("score"), Bytes.toBytes(String.valueOf(h.score())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("rank"), Bytes.toBytes(String.valueOf(h.rank())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("model_version"), Bytes.toBytes(h.modelVersion()))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("top_features"), Bytes.toBytes(String.join(",", h.topFeatures())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("signals"), Bytes.toBytes(String.join(",", h.signals())))
                .addColumn(HBaseSchema.DATA, Bytes.toBytes("job_execution"), Bytes.toBytes(String.valueOf(jobExecutionId)));
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
