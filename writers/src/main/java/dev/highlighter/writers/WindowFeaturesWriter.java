package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes window features to {@code windows}: chat features to c and their token counts to t, media
 * features to m. A row's
 * cells are overwritten by a re-run, so writing the same VOD twice leaves the same rows.
 */
public class WindowFeaturesWriter implements ItemWriter<WindowFeatures> {

    private final Connection connection;
    private final Function<String, byte[]> familyOf;

    public WindowFeaturesWriter(Connection connection, byte[] family) {
        this(connection, name -> family);
    }

    /** @param familyOf the family of each value, by its name */
    public WindowFeaturesWriter(Connection connection, Function<String, byte[]> familyOf) {
        this.connection = connection;
        this.familyOf = familyOf;
    }

    /** Chat features to {@code c}, token counts ({@code tok:...}) to {@code t}. */
    public static WindowFeaturesWriter chat(Connection connection) {
        return new WindowFeaturesWriter(connection,
                name -> name.startsWith(HBaseSchema.TOKEN_PREFIX) ? HBaseSchema.TOKENS : HBaseSchema.CHAT);
    }

    @Override
    public void write(Chunk<? extends WindowFeatures> chunk) throws Exception {
        List<Put> puts = new ArrayList<>(chunk.size());
        for (WindowFeatures w : chunk) {
            Put put = new Put(HBaseSchema.windowRow(w.vodId(), w.startMs()));
            for (Map.Entry<String, Double> v : w.values().entrySet()) {
                put.addColumn(familyOf.apply(v.getKey()), Bytes.toBytes(v.getKey()), Bytes.toBytes(v.getValue()));
            }
            puts.add(put);
        }
        MutatorSupport.send(connection, HBaseSchema.WINDOWS, puts);
    }
}
