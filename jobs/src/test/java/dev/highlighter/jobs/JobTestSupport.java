package dev.highlighter.jobs;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.HighlightColumn;
import dev.highlighter.core.vods.VodColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/** Puts inputs into HDFS and reads back what the job left in HBase. */
public final class JobTestSupport {

    /** Columns that name the job execution: they differ between runs by design. */
    static final Set<String> RUN_COLUMNS = Set.of(HighlightColumn.JOB_EXECUTION.qualifier(), VodColumn.LAST_JOB_EXECUTION.qualifier());

    private final FileSystem fs;
    private final HdfsLayout layout;
    private final Connection connection;

    public JobTestSupport(FileSystem fs, HdfsLayout layout, Connection connection) {
        this.fs = fs;
        this.layout = layout;
        this.connection = connection;
    }

    public org.apache.hadoop.fs.Path put(String channel, LocalDate date, String name, Path local) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(layout.vodPartition(channel, date), name);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
        return target;
    }

    public org.apache.hadoop.fs.Path write(String channel, LocalDate date, String name, String content) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(layout.vodPartition(channel, date), name);
        try (var out = fs.create(target, true)) {
            out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return target;
    }

    public String read(org.apache.hadoop.fs.Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public boolean exists(org.apache.hadoop.fs.Path path) throws IOException {
        return fs.exists(path);
    }

    public HdfsLayout layout() {
        return layout;
    }

    /**
     * Every cell the job wrote for these VODs, as "table row family:qualifier" -> value, without
     * the columns that name the run: equal snapshots mean equal data.
     */
    public TreeMap<String, String> snapshot(Collection<String> vodIds) throws IOException {
        TreeMap<String, String> cells = new TreeMap<>();
        for (String vod : vodIds) {
            scanInto(cells, HBaseSchema.WINDOWS, HBaseSchema.vodPrefix(vod));
            scanInto(cells, HBaseSchema.HIGHLIGHTS, HBaseSchema.vodPrefix(vod));
            try (Table t = connection.getTable(HBaseSchema.VODS)) {
                add(cells, HBaseSchema.VODS, t.get(new Get(HBaseSchema.vodRow(vod))));
            }
        }
        return cells;
    }

    public long rows(TableName table, String vodId) throws IOException {
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        long n = 0;
        try (Table t = connection.getTable(table);
             ResultScanner s = t.getScanner(new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)))) {
            for (Result ignored : s) {
                n++;
            }
        }
        return n;
    }

    /** Deletes every row of these VODs, to compare a restarted run with a clean one. */
    public void wipe(Collection<String> vodIds) throws IOException {
        for (String vod : vodIds) {
            for (TableName table : new TableName[] {HBaseSchema.WINDOWS, HBaseSchema.HIGHLIGHTS}) {
                byte[] prefix = HBaseSchema.vodPrefix(vod);
                try (Table t = connection.getTable(table);
                     ResultScanner s = t.getScanner(new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)))) {
                    for (Result r : s) {
                        t.delete(new Delete(r.getRow()));
                    }
                }
            }
            try (Table t = connection.getTable(HBaseSchema.VODS)) {
                t.delete(new Delete(HBaseSchema.vodRow(vod)));
            }
        }
    }

    private void scanInto(TreeMap<String, String> cells, TableName table, byte[] prefix) throws IOException {
        try (Table t = connection.getTable(table);
             ResultScanner s = t.getScanner(new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)))) {
            for (Result r : s) {
                add(cells, table, r);
            }
        }
    }

    private static void add(TreeMap<String, String> cells, TableName table, Result r) {
        if (r.isEmpty()) {
            return;
        }
        for (Cell c : r.rawCells()) {
            String qualifier = Bytes.toString(CellUtil.cloneQualifier(c));
            if (RUN_COLUMNS.contains(qualifier)) {
                continue;
            }
            cells.put(table.getQualifierAsString() + " " + Bytes.toStringBinary(r.getRow()) + " "
                    + Bytes.toString(CellUtil.cloneFamily(c)) + ":" + qualifier, Bytes.toStringBinary(CellUtil.cloneValue(c)));
        }
    }

    static String lolGame(String id) throws IOException {
        return Files.readString(dev.highlighter.core.testing.SharedData.lolChat().resolve(id + ".csv"));
    }

    /** Ten minutes of idle chat with a burst of reactions 5-15 s after each event. */
    public static String chat(long seed, java.util.List<Integer> eventsS) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder out = new StringBuilder();
        for (double t = 0; t < 600; t += 1 + random.nextDouble() * 3) {
            out.append(String.format(java.util.Locale.ROOT, "{\"t\": %.2f, \"user\": \"v%d\", \"text\": \"chatting %d\"}%n", t, random.nextInt(30), random.nextInt(5)));
        }
        for (int e : eventsS) {
            for (int i = 0; i < 50; i++) {
                out.append(String.format(java.util.Locale.ROOT, "{\"t\": %.2f, \"user\": \"f%d\", \"text\": \"POGGERS KEKW\"}%n",
                        e + 5 + random.nextDouble() * 10, random.nextInt(100)));
            }
        }
        return out.toString();
    }
}
