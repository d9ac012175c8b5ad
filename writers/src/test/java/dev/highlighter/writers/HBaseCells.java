package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.testing.MiniClusters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/** Reads back what the writers left in the mini cluster's HBase, cell by cell. */
final class HBaseCells {

    private HBaseCells() {
    }

    static Connection connection() {
        return MiniClusters.get().connection();
    }

    /** One row's cells of one family, qualifier -> value as text. */
    static TreeMap<String, String> row(TableName table, byte[] row, byte[] family) throws IOException {
        try (Table t = connection().getTable(table)) {
            return text(t.get(new Get(row).addFamily(family)), family);
        }
    }

    /** The keys of every row that starts with {@code prefix}, in order. */
    static List<byte[]> rows(TableName table, byte[] prefix) throws IOException {
        List<byte[]> out = new ArrayList<>();
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix));
        try (Table t = connection().getTable(table); ResultScanner s = t.getScanner(scan)) {
            for (Result r : s) {
                out.add(r.getRow());
            }
        }
        return out;
    }

    private static TreeMap<String, String> text(Result r, byte[] family) {
        TreeMap<String, String> cells = new TreeMap<>();
        if (!r.isEmpty()) {
            for (Cell c : r.rawCells()) {
                if (Bytes.equals(CellUtil.cloneFamily(c), family)) {
                    cells.put(Bytes.toString(CellUtil.cloneQualifier(c)), Bytes.toString(CellUtil.cloneValue(c)));
                }
            }
        }
        return cells;
    }
}
