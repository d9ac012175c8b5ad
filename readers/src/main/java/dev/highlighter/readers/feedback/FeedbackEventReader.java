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
 * Feedback events of one date, {@code feedback/{date}/*.jsonl}, and of any folders of clip events
 * given with the run, one JSON object per line, either
 * {@code {"vod_id", "start_s", "end_s", "kind": view|like|share|skip|label|clip, "value"}} or a
 * viewer's clip as clip services export it, {@code {"type": "clip", "vod", "t", "duration"}}
 * (the clip covers {@code t} to {@code t + duration} seconds of the VOD). A bad line surfaces as a
 * malformed row (file, line, reason), to be skipped and quarantined like chat.
 */
public class FeedbackEventReader implements ItemStreamReader<FeedbackEvent> {

    public static final Set<String> KINDS = Set.of("view", "like", "share", "skip", "label", "clip");
    /** The {@code type} of the clip-event form. */
    public static final String CLIP = "clip";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FileSystem fs;
    private final Path dir;
    private final List<Path> extraDirs;
    private final List<Path> files = new ArrayList<>();
    private int next;
    private LineSource lines;
    private String current;

    public FeedbackEventReader(FileSystem fs, Path dir) {
        this(fs, dir, List.of());
    }

    /**
     * @param dir       the date's feedback folder; a day without one has no feedback
     * @param extraDirs folders named by the run (clip events): each must exist, on any file system
     */
    public FeedbackEventReader(FileSystem fs, Path dir, List<Path> extraDirs) {
        this.fs = fs;
        this.dir = dir;
        this.extraDirs = List.copyOf(extraDirs);
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            files.addAll(list(fs, dir));
        } catch (FileNotFoundException e) {
            // no feedback that day
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path extra : extraDirs) {
            try {
                files.addAll(list(extra.getFileSystem(fs.getConf()), extra));
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException("the folder of clip events " + extra + " does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + extra + ": " + e.getMessage(), e);
            }
        }
    }

    /** A folder's {@code *.jsonl} files, sorted, fully qualified so each opens on its own file system. */
    private static List<Path> list(FileSystem fs, Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.isFile() && s.getPath().getName().endsWith(".jsonl")) {
                found.add(fs.makeQualified(s.getPath()));
            }
        }
        found.sort(null);
        return found;
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
                lines = new LineSource(file.getFileSystem(fs.getConf()).open(file));
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
        if (row.has("type")) {
            return clip(row, line);
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

    /** {@code {"type": "clip", "vod": id, "t": start seconds, "duration": seconds}}; the VOD id may be a string or a whole number. */
    private FeedbackEvent clip(JsonNode row, LineSource.Line line) {
        String type = row.path("type").asString("");
        JsonNode vod = row.path("vod");
        JsonNode t = row.path("t");
        JsonNode duration = row.path("duration");
        String problem = null;
        if (!CLIP.equals(type)) {
            problem = "type '" + type + "' is not '" + CLIP + "' (other events have a kind, not a type)";
        } else if (!(vod.isString() && !vod.asString().isBlank()) && !vod.isIntegralNumber()) {
            problem = "a clip needs its vod (an id)";
        } else if (!t.isNumber() || !duration.isNumber()) {
            problem = "a clip's t and duration must be numbers (seconds)";
        } else if (t.asDouble() < 0 || duration.asDouble() <= 0) {
            problem = "a clip at t " + t.asDouble() + " lasting " + duration.asDouble() + " s is not a span";
        } else if (row.has("value") && !row.get("value").isNumber()) {
            problem = "value must be a number";
        }
        if (problem != null) {
            throw new MalformedRowException(current, line.number(), problem, line.text());
        }
        String id = vod.asString(); // a whole number reads as its digits
        return new FeedbackEvent(id, t.asDouble(), t.asDouble() + duration.asDouble(), CLIP, row.path("value").asDouble(1.0));
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
