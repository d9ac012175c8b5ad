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
 *
 * <p>Champions are kept per scope (a channel, or a named group of channels). Scope
 * {@value #DEFAULT_SCOPE} keeps its files where they always were, at the top, so a registry
 * written before scopes reads as scope {@value #DEFAULT_SCOPE}; another scope keeps its own
 * {@code CHAMPION} and {@code CHAMPION.log} under {@code scopes/{scope}/}. Versions are shared:
 * any version can be a champion of any scope. The methods without a scope act on
 * {@value #DEFAULT_SCOPE}.
 */
public class ModelRegistry {

    public static final String MODEL_FILE = "model.json";
    public static final String METRICS_FILE = "metrics.json";
    public static final String PROVENANCE_FILE = "provenance.json";
    /** The scope of every channel that has no champion of its own. */
    public static final String DEFAULT_SCOPE = "default";
    /** What the log names when {@value #DEFAULT_SCOPE} has no trained champion: the rule inference then uses. */
    public static final String NO_MODEL = "rule-v0";
    /** What the log names when another scope has no champion of its own (it uses {@value #DEFAULT_SCOPE}'s). */
    public static final String NONE = "none";
    private static final String SCOPES_DIR = "scopes";
    private static final String CHAMPION_FILE = "CHAMPION";
    private static final String LOG_FILE = "CHAMPION.log";

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
        return champion(DEFAULT_SCOPE);
    }

    /** The scope's champion; empty when it has none (for {@value #DEFAULT_SCOPE}: rule-v0). */
    public Optional<String> champion(String scope) throws IOException {
        Path file = new Path(scopeDir(scope), CHAMPION_FILE);
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        String v = read(file).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** {@value #DEFAULT_SCOPE} first, then every scope that has had a champion, by name. */
    public List<String> scopes() throws IOException {
        List<String> out = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(new Path(root, SCOPES_DIR))) {
                if (s.isDirectory() && (fs.exists(new Path(s.getPath(), CHAMPION_FILE)) || fs.exists(new Path(s.getPath(), LOG_FILE)))) {
                    out.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            // no scope but the default yet
        }
        out.remove(DEFAULT_SCOPE);
        out.sort(null);
        out.add(0, DEFAULT_SCOPE);
        return out;
    }

    public List<Change> history() throws IOException {
        return history(DEFAULT_SCOPE);
    }

    public List<Change> history(String scope) throws IOException {
        Path file = new Path(scopeDir(scope), LOG_FILE);
        if (!fs.exists(file)) {
            return List.of();
        }
        return read(file).lines().filter(l -> !l.isBlank()).map(Change::parse).toList();
    }

    /** Makes {@code version} the champion of {@value #DEFAULT_SCOPE} and records who did it and why. */
    public void promote(String version, String by, String reason) throws IOException {
        promote(DEFAULT_SCOPE, version, by, reason);
    }

    /** Makes {@code version} the champion of {@code scope} only, and records who did it and why. */
    public void promote(String scope, String version, String by, String reason) throws IOException {
        if (!fs.exists(new Path(dir(version), MODEL_FILE))) {
            throw new IllegalArgumentException("no model version '" + version + "' in " + root + "; versions: " + versions());
        }
        setChampion(scope, new Change(Instant.now(), "promote", version, by, reason));
    }

    /** Goes back to the champion of {@value #DEFAULT_SCOPE} before the current one, and records it. */
    public String rollback(String by) throws IOException {
        return rollback(DEFAULT_SCOPE, by);
    }

    /**
     * Goes back to the scope's champion before the current one, and records it. With none before,
     * the scope has no champion again: {@value #DEFAULT_SCOPE} then uses rule-v0, another scope
     * uses {@value #DEFAULT_SCOPE}'s champion.
     *
     * @return the version now in use for the scope, or {@code none} (rule-v0 for {@value #DEFAULT_SCOPE})
     */
    public String rollback(String scope, String by) throws IOException {
        String current = champion(scope).orElseThrow(() -> new IllegalStateException(
                "scope " + scope + " has no champion to roll back from"));
        List<String> stack = championStack(history(scope));
        if (!stack.isEmpty() && stack.get(stack.size() - 1).equals(current)) {
            stack.remove(stack.size() - 1);
        }
        String none = DEFAULT_SCOPE.equals(scope) ? NO_MODEL : NONE;
        String previous = stack.isEmpty() ? none : stack.get(stack.size() - 1);
        setChampion(scope, new Change(Instant.now(), "rollback", previous, by, "from " + current));
        return previous;
    }

    /** The scope's champions as its log stands, the current one last: where a rollback, or a fallback, goes. */
    public List<String> lineage(String scope) throws IOException {
        return championStack(history(scope));
    }

    /**
     * The champions the log has made, oldest first, with each rollback undoing the promotion it
     * went back from: two rollbacks in a row go two champions back, not back to where they started.
     */
    static List<String> championStack(List<Change> log) {
        List<String> stack = new ArrayList<>();
        for (Change c : log) {
            boolean none = c.version().equals(NO_MODEL) || c.version().equals(NONE);
            if (c.action().equals("rollback")) {
                while (!stack.isEmpty() && !stack.get(stack.size() - 1).equals(c.version())) {
                    stack.remove(stack.size() - 1);
                }
                if (stack.isEmpty() && !none) {
                    stack.add(c.version());
                }
            } else if (stack.isEmpty() || !stack.get(stack.size() - 1).equals(c.version())) {
                stack.add(c.version());
            }
        }
        return stack;
    }

    private void setChampion(String scope, Change change) throws IOException {
        StringBuilder log = new StringBuilder();
        for (Change c : history(scope)) {
            log.append(c.line()).append('\n');
        }
        log.append(change.line()).append('\n');
        Path dir = scopeDir(scope);
        write(new Path(dir, LOG_FILE), log.toString());
        boolean none = change.version().equals(NO_MODEL) || change.version().equals(NONE);
        write(new Path(dir, CHAMPION_FILE), none ? "" : change.version());
    }

    /** The top for {@value #DEFAULT_SCOPE}, as before scopes existed; {@code scopes/{scope}} otherwise. */
    private Path scopeDir(String scope) {
        checkScope(scope);
        return DEFAULT_SCOPE.equals(scope) ? root : new Path(new Path(root, SCOPES_DIR), scope);
    }

    /** A scope is a channel (an HDFS folder name) or a group name: one path element. */
    public static String checkScope(String scope) {
        if (scope == null || scope.isBlank() || scope.equals(".") || scope.equals("..") || scope.startsWith(".")
                || scope.chars().anyMatch(c -> c == '/' || c == ':' || c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("'" + scope + "' is not a scope name: a channel or group name without /, :, \\, spaces,"
                    + " and not starting with a dot");
        }
        return scope;
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
