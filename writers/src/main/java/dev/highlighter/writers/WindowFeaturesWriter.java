package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes window features to one family of {@code windows} (c for chat, m for media). A row's
 * cells are overwritten by a re-run, so writing the same VOD twice leaves the same rows.
 */
public class WindowFeaturesWriter implements ItemWriter<WindowFeatures> {

    private final Connection connection;
    private final byte[] family;

    public WindowFeaturesWriter(Connection connection, byte[] family) {
        this.connection = connection;
        this.family = family;
    }

    @Override
    public void write(Chunk<? extends WindowFeatures> chunk) throws Exception {
        List<Put> puts = new ArrayList<>(chunk.size());
        for (WindowFeatures w : chunk) {
            Put put = new Put(HBaseSchema.windowRow(w.vodId(), w.startMs()));
            for (Map.Entry<String, Double> v : w.values().entrySet()) {
                put.addColumn(family, Bytes.toBytes(v.getKey()), Bytes.toBytes(v.getValue()));
            }
            puts.add(put);
        }
        MutatorSupport.send(connection, HBaseSchema.WINDOWS, puts);
    }
}
