package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Updates columns of a VOD's row in {@code vods}: channel, date, status, counts, the last job
 * execution. Values are strings so that the HBase shell shows them as they are.
 */
public class VodStatusWriter {

    private final Connection connection;

    public VodStatusWriter(Connection connection) {
        this.connection = connection;
    }

    /** Removes columns that no longer apply, such as the failure of an earlier run. */
    public void clear(String vodId, String... columns) throws IOException {
        org.apache.hadoop.hbase.client.Delete delete = new org.apache.hadoop.hbase.client.Delete(HBaseSchema.vodRow(vodId));
        for (String column : columns) {
            delete.addColumns(HBaseSchema.DATA, Bytes.toBytes(column));
        }
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            table.delete(delete);
        }
    }

    public void update(String vodId, Map<String, ?> columns) throws IOException {
        Put put = new Put(HBaseSchema.vodRow(vodId));
        columns.forEach((k, v) -> {
            if (v != null) {
                put.addColumn(HBaseSchema.DATA, Bytes.toBytes(k), Bytes.toBytes(String.valueOf(v)));
            }
        });
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            table.put(put);
        }
    }
}
