package dev.highlighter.readers.hbase;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.HighlightColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/** Reads highlight segments back from HBase, for export, reports and reels. */
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
                        Long.parseLong(text(r, HighlightColumn.START_MS)), Long.parseLong(text(r, HighlightColumn.END_MS)),
                        Double.parseDouble(text(r, HighlightColumn.SCORE)), Integer.parseInt(text(r, HighlightColumn.RANK)),
                        split(text(r, HighlightColumn.TOP_FEATURES)), split(text(r, HighlightColumn.SIGNALS))));
            }
        }
        return out;
    }

    private static String text(Result r, HighlightColumn column) {
        byte[] v = r.getValue(HBaseSchema.DATA, column.bytes());
        if (v == null) {
            throw new IllegalStateException("highlight row " + Bytes.toStringBinary(r.getRow()) + " has no " + column.qualifier());
        }
        return Bytes.toString(v);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
