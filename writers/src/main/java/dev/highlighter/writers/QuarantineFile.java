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
 * The rejected rows of one input file, one JSON object per line: file, line, reason, raw. A run
 * rewrites the file from scratch (inputs are re-read whole), so a re-run never duplicates a row,
 * and a fixed input leaves no stale quarantine behind.
 */
public class QuarantineFile implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FileSystem fs;
    private final Path path;
    private FSDataOutputStream out;
    private long rows;

    public QuarantineFile(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** Forgets what an earlier run quarantined. */
    public void reset() throws IOException {
        close();
        fs.delete(path, false);
        rows = 0;
    }

    public synchronized void record(RejectedRecord rejected) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", rejected.file());
        row.put("line", rejected.line());
        row.put("reason", rejected.reason());
        row.put("raw", rejected.raw());
        try {
            if (out == null) {
                out = fs.create(path, true);
            }
            out.write(JSON.writeValueAsBytes(row));
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine file " + path + ": " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
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
