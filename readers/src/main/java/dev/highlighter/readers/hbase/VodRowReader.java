package dev.highlighter.readers.hbase;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/** Reads VODs' rows of {@code vods} back, typed by {@link VodRow}. */
public class VodRowReader {

    private final Connection connection;

    public VodRowReader(Connection connection) {
        this.connection = connection;
    }

    /** The VOD's row, empty if no run has registered it. */
    public Optional<VodRow> read(String vodId) throws IOException {
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            Result r = table.get(new Get(HBaseSchema.vodRow(vodId)).addFamily(HBaseSchema.DATA));
            return r.isEmpty() ? Optional.empty() : Optional.of(row(vodId, r));
        }
    }

    /** VODs whose row has a date in [from, to]. */
    public List<String> vodsBetween(LocalDate from, LocalDate to) throws IOException {
        List<String> out = new ArrayList<>();
        Scan scan = new Scan().addColumn(HBaseSchema.DATA, VodColumn.DATE.bytes());
        try (Table table = connection.getTable(HBaseSchema.VODS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                String vodId = Bytes.toString(r.getRow());
                LocalDate d = row(vodId, r).date().orElseThrow();
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    out.add(vodId);
                }
            }
        }
        return out;
    }

    private static VodRow row(String vodId, Result r) {
        Map<VodColumn, String> cells = new EnumMap<>(VodColumn.class);
        for (VodColumn column : VodColumn.values()) {
            byte[] v = r.getValue(HBaseSchema.DATA, column.bytes());
            if (v != null) {
                cells.put(column, Bytes.toString(v));
            }
        }
        return new VodRow(vodId, cells);
    }
}
