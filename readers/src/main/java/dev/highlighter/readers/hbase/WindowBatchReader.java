package dev.highlighter.readers.hbase;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Scans one VOD's rows of {@code windows} (the feature families) in time order and hands them
 * out in batches, each with the windows that follow it, so a model sees what came after.
 */
public class WindowBatchReader implements ItemStreamReader<WindowBatch> {

    /** A batch size that holds any VOD (a week of 5 s windows is 120,960). */
    public static final int WHOLE_VOD = Integer.MAX_VALUE - 8;

    private final Connection connection;
    private final String vodId;
    private final int batchSize;
    private final int lookahead;
    private final byte[][] families;
    private Table table;
    private ResultScanner scanner;
    private final Deque<WindowFeatures> buffered = new ArrayDeque<>();
    private boolean exhausted;

    public WindowBatchReader(Connection connection, String vodId, int batchSize, int lookahead, byte[]... families) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.connection = connection;
        this.vodId = vodId;
        this.batchSize = batchSize;
        this.lookahead = lookahead;
        this.families = families;
    }

    @Override
    public void open(ExecutionContext context) {
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).setCaching(1000);
        for (byte[] family : families) {
            scan.addFamily(family);
        }
        try {
            table = connection.getTable(HBaseSchema.WINDOWS);
            scanner = table.getScanner(scan);
        } catch (IOException e) {
            throw new ItemStreamException("cannot scan the windows of VOD " + vodId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public WindowBatch read() throws IOException {
        fill(batchSize + lookahead);
        if (buffered.isEmpty()) {
            return null;
        }
        List<WindowFeatures> windows = new ArrayList<>(Math.min(batchSize, 4096));
        while (windows.size() < batchSize && !buffered.isEmpty()) {
            windows.add(buffered.poll());
        }
        List<WindowFeatures> following = new ArrayList<>(lookahead);
        for (WindowFeatures w : buffered) {
            if (following.size() == lookahead) {
                break;
            }
            following.add(w);
        }
        return new WindowBatch(vodId, windows, following);
    }

    private void fill(int wanted) throws IOException {
        while (!exhausted && buffered.size() < wanted) {
            Result r = scanner.next();
            if (r == null) {
                exhausted = true;
                return;
            }
            buffered.add(toFeatures(r));
        }
    }

    private WindowFeatures toFeatures(Result r) {
        Map<String, Double> values = new HashMap<>();
        for (byte[] family : families) {
            NavigableMap<byte[], byte[]> cells = r.getFamilyMap(family);
            if (cells != null) {
                cells.forEach((q, v) -> values.put(Bytes.toString(q), Bytes.toDouble(v)));
            }
        }
        return new WindowFeatures(vodId, HBaseSchema.windowStart(r.getRow()), values);
    }

    @Override
    public void close() {
        try {
            if (scanner != null) {
                scanner.close();
            }
            if (table != null) {
                table.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("closing the windows scan of VOD " + vodId + " failed", e);
        } finally {
            scanner = null;
            table = null;
        }
    }
}
