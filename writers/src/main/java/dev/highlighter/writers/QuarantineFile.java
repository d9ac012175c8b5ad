package dev.highlighter.writers;

import dev.highlighter.core.RejectedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rejected rows of one input file, one JSON object per line: file, line, reason, raw (and
 * rows, for a block refused as one). A run rewrites the file from scratch (inputs are re-read
 * whole), so a re-run never duplicates a row, and a fixed input leaves no stale quarantine behind.
 *
 * <p>It is capped ({@link QuarantineLimits}): the row that would pass the cap is not written;
 * a last row gives the count instead, and {@link TooManyBadRowsException} fails the input. A
 * junk file therefore never grows its quarantine past the cap.
 */
public class QuarantineFile implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FileSystem fs;
    private final Path path;
    private final QuarantineLimits limits;
    private FSDataOutputStream out;
    private long rows;
    private long badRows;
    private long bytes;
    private TooManyBadRowsException full;

    public QuarantineFile(FileSystem fs, Path path) {
        this(fs, path, QuarantineLimits.DEFAULT);
    }

    public QuarantineFile(FileSystem fs, Path path, QuarantineLimits limits) {
        this.fs = fs;
        this.path = path;
        this.limits = limits;
    }

    /** Forgets what an earlier run quarantined. */
    public synchronized void reset() throws IOException {
        close();
        fs.delete(path, false);
        rows = 0;
        badRows = 0;
        bytes = 0;
        full = null;
    }

    /**
     * @throws TooManyBadRowsException when this row passes the cap (and for every row after it)
     */
    public synchronized void record(RejectedRecord rejected) {
        if (full != null) {
            throw full;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", rejected.file());
        row.put("line", rejected.line());
        row.put("reason", rejected.reason());
        row.put("raw", rejected.raw());
        if (rejected.rows() != 1) {
            row.put("rows", rejected.rows());
        }
        byte[] json = JSON.writeValueAsBytes(row);
        long bad = badRows + rejected.rows();
        if (bad > limits.maxRows() || bytes + json.length + 1 > limits.maxBytes()) {
            full = new TooManyBadRowsException("too many bad rows in " + rejected.file() + ": " + bad + " by line " + rejected.line()
                    + ", past the quarantine's cap of " + limits + "; reading stopped there, and the first " + badRows + " are in " + path);
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("file", rejected.file());
            count.put("line", rejected.line());
            count.put("reason", full.getMessage());
            count.put("raw", null);
            count.put("bad_rows", bad);
            write(JSON.writeValueAsBytes(count));
            throw full;
        }
        write(json);
        rows++;
        badRows = bad;
        bytes += json.length + 1;
    }

    private void write(byte[] json) {
        try {
            if (out == null) {
                out = fs.create(path, true);
            }
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Quarantine rows written (a block is one). */
    public long rows() {
        return rows;
    }

    /** Bad rows quarantined, a block counting its rows: what the input lost. */
    public long badRows() {
        return badRows;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            OutputStream o = out;
            out = null;
            o.close();
        }
    }
}
