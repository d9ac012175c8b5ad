package dev.highlighter.readers.hbase;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/** Reads highlight segments and VOD status back from HBase, for export and reports. */
public class HighlightReader {

    private final Connection connection;

    public HighlightReader(Connection connection) {
        this.connection = connection;
    }

    /** One VOD's highlights of one model version, in time order. */
    public List<Highlight> highlights(String vodId, String modelVersion) throws IOException {
        byte[] prefix = HBaseSchema.highlightPrefix(vodId, modelVersion);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).addFamily(HBaseSchema.DATA);
        List<Highlight> out = new ArrayList<>();
        try (Table table = connection.getTable(HBaseSchema.HIGHLIGHTS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                out.add(new Highlight(vodId, modelVersion,
                        Long.parseLong(text(r, "start_ms")), Long.parseLong(text(r, "end_ms")),
                        Double.parseDouble(text(r, "score")), Integer.parseInt(text(r, "rank")),
                        split(text(r, "top_features")), split(text(r, "signals"))));
            }
        }
        return out;
    }

    /** A column of the VOD's row in {@code vods}, if set. */
    public Optional<String> vodColumn(String vodId, String column) throws IOException {
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            Result r = table.get(new Get(HBaseSchema.vodRow(vodId)).addColumn(HBaseSchema.DATA, Bytes.toBytes(column)));
            byte[] v = r.getValue(HBaseSchema.DATA, Bytes.toBytes(column));
            return Optional.ofNullable(v == null ? null : Bytes.toString(v));
        }
    }

    /** VODs whose {@code vods} row has a date in [from, to]. */
    public List<String> vodsBetween(java.time.LocalDate from, java.time.LocalDate to) throws IOException {
        List<String> out = new ArrayList<>();
        Scan scan = new Scan().addColumn(HBaseSchema.DATA, Bytes.toBytes("date"));
        try (Table table = connection.getTable(HBaseSchema.VODS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                java.time.LocalDate d = java.time.LocalDate.parse(Bytes.toString(r.getValue(HBaseSchema.DATA, Bytes.toBytes("date"))));
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    out.add(Bytes.toString(r.getRow()));
                }
            }
        }
        return out;
    }

    private static String text(Result r, String column) {
        byte[] v = r.getValue(HBaseSchema.DATA, Bytes.toBytes(column));
        if (v == null) {
            throw new IllegalStateException("highlight row " + Bytes.toStringBinary(r.getRow()) + " has no " + column);
        }
        return Bytes.toString(v);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
