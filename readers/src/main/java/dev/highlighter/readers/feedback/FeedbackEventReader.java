package dev.highlighter.readers.feedback;

import dev.highlighter.core.FeedbackEvent;
import dev.highlighter.readers.MalformedRowException;
import dev.highlighter.readers.chat.LineSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feedback events of one date, {@code feedback/{date}/*.jsonl}, one JSON object per line:
 * {@code {"vod_id", "start_s", "end_s", "kind": view|like|share|skip|label, "value"}}. A bad line
 * surfaces as a malformed row (file, line, reason), to be skipped and quarantined like chat.
 */
public class FeedbackEventReader implements ItemStreamReader<FeedbackEvent> {

    public static final Set<String> KINDS = Set.of("view", "like", "share", "skip", "label");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FileSystem fs;
    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private int next;
    private LineSource lines;
    private String current;

    public FeedbackEventReader(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isFile() && s.getPath().getName().endsWith(".jsonl")) {
                    files.add(s.getPath());
                }
            }
        } catch (FileNotFoundException e) {
            // no feedback that day
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
    }

    @Override
    public FeedbackEvent read() throws IOException {
        while (true) {
            if (lines == null) {
                if (next == files.size()) {
                    return null;
                }
                Path file = files.get(next++);
                current = file.toString();
                lines = new LineSource(fs.open(file));
            }
            LineSource.Line line = lines.next();
            if (line == null) {
                lines.close();
                lines = null;
                continue;
            }
            if (!line.ok()) {
                throw new MalformedRowException(current, line.number(), line.error(), line.text());
            }
            if (!line.text().isBlank()) {
                return parse(line);
            }
        }
    }

    private FeedbackEvent parse(LineSource.Line line) {
        JsonNode row;
        try {
            row = JSON.readTree(line.text());
        } catch (JacksonException e) {
            throw new MalformedRowException(current, line.number(), "invalid JSON: " + e.getOriginalMessage(), line.text());
        }
        String problem = null;
        String vod = row.path("vod_id").asString("");
        String kind = row.path("kind").asString("");
        JsonNode start = row.path("start_s");
        JsonNode end = row.path("end_s");
        if (vod.isBlank()) {
            problem = "no vod_id";
        } else if (!start.isNumber() || !end.isNumber()) {
            problem = "start_s and end_s must be numbers";
        } else if (start.asDouble() < 0 || end.asDouble() <= start.asDouble()) {
            problem = "start_s " + start.asDouble() + " and end_s " + end.asDouble() + " are not a span";
        } else if (!KINDS.contains(kind)) {
            problem = "kind '" + kind + "' is not one of " + KINDS;
        } else if (row.has("value") && !row.get("value").isNumber()) {
            problem = "value must be a number";
        }
        if (problem != null) {
            throw new MalformedRowException(current, line.number(), problem, line.text());
        }
        return new FeedbackEvent(vod, start.asDouble(), end.asDouble(), kind, row.path("value").asDouble(1.0));
    }

    @Override
    public void close() {
        try {
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
