package dev.highlighter.core.models;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trained models in HDFS: {@code models/highlight/{version}/} holds the model file, metrics.json
 * and provenance.json; {@code CHAMPION} names the version inference uses; {@code CHAMPION.log}
 * records every change of champion, when, by whom and why, so a rollback knows where to go.
 */
public class ModelRegistry {

    public static final String MODEL_FILE = "model.json";
    public static final String METRICS_FILE = "metrics.json";
    public static final String PROVENANCE_FILE = "provenance.json";

    /** One line of CHAMPION.log. */
    public record Change(Instant at, String action, String version, String by, String reason) {

        String line() {
            return at + "\t" + action + "\t" + version + "\t" + by + "\t" + reason.replace('\n', ' ');
        }

        static Change parse(String line) {
            String[] f = line.split("\t", 5);
            return new Change(Instant.parse(f[0]), f[1], f[2], f[3], f.length > 4 ? f[4] : "");
        }
    }

    /** Missing numbers read as 0, as they did before the file had a type: older files still read. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final FileSystem fs;
    private final Path root;

    public ModelRegistry(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    public Path dir(String version) {
        return new Path(root, version);
    }

    /** Versions with a model file, oldest first (names sort by time). */
    public List<String> versions() throws IOException {
        List<String> out = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(root)) {
                if (s.isDirectory() && fs.exists(new Path(s.getPath(), MODEL_FILE))) {
                    out.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    public Optional<String> champion() throws IOException {
        Path file = new Path(root, "CHAMPION");
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        String v = read(file).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public List<Change> history() throws IOException {
        Path file = new Path(root, "CHAMPION.log");
        if (!fs.exists(file)) {
            return List.of();
        }
        return read(file).lines().filter(l -> !l.isBlank()).map(Change::parse).toList();
    }

    /** Makes {@code version} the champion and records who did it and why. */
    public void promote(String version, String by, String reason) throws IOException {
        if (!fs.exists(new Path(dir(version), MODEL_FILE))) {
            throw new IllegalArgumentException("no model version '" + version + "' in " + root + "; versions: " + versions());
        }
        setChampion(new Change(Instant.now(), "promote", version, by, reason));
    }

    /** Goes back to the champion before the current one, and records it. */
    public String rollback(String by) throws IOException {
        String current = champion().orElseThrow(() -> new IllegalStateException("there is no champion to roll back from"));
        List<String> earlier = new ArrayList<>();
        for (Change c : history()) {
            if (!c.version().equals(current)) {
                earlier.add(c.version());
            }
        }
        String previous = earlier.isEmpty() ? "" : earlier.get(earlier.size() - 1);
        setChampion(new Change(Instant.now(), "rollback", previous.isEmpty() ? "rule-v0" : previous, by, "from " + current));
        return previous.isEmpty() ? "rule-v0" : previous;
    }

    private void setChampion(Change change) throws IOException {
        StringBuilder log = new StringBuilder();
        for (Change c : history()) {
            log.append(c.line()).append('\n');
        }
        log.append(change.line()).append('\n');
        write(new Path(root, "CHAMPION.log"), log.toString());
        write(new Path(root, "CHAMPION"), change.version().equals("rule-v0") ? "" : change.version());
    }

    public String read(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public byte[] readBytes(String version, String name) throws IOException {
        try (InputStream in = fs.open(new Path(dir(version), name))) {
            return in.readAllBytes();
        }
    }

    public void writeMetrics(String version, ModelMetrics metrics) throws IOException {
        write(version, METRICS_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metrics));
    }

    public ModelMetrics metrics(String version) throws IOException {
        Path file = new Path(dir(version), METRICS_FILE);
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in, ModelMetrics.class);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new IOException(file + " is not valid metrics: " + e.getOriginalMessage()
                    + (at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""), e);
        }
    }

    public void write(String version, String name, byte[] content) throws IOException {
        fs.mkdirs(dir(version));
        try (OutputStream out = fs.create(new Path(dir(version), name), true)) {
            out.write(content);
        }
    }

    private void write(Path file, String content) throws IOException {
        fs.mkdirs(file.getParent());
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
