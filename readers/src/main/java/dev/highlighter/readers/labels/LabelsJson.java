package dev.highlighter.readers.labels;

import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code labels.json}: {@code {vodId: {"span": [s, e], "highlights": [[s, e], ...]}}}, with
 * errors that name the file and the VOD. Small enough (one entry per VOD) to read as a tree.
 */
public final class LabelsJson {

    private LabelsJson() {
    }

    public static List<LabelledVod> readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** labels.json from any stream; {@code file} names it in errors. */
    public static List<LabelledVod> readLabels(InputStream in, String file) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object {vodId: {span, highlights}}");
        }
        List<LabelledVod> vods = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode span = e.getValue().path("span");
            if (span.size() != 2) {
                throw new IllegalArgumentException(file + ": VOD " + e.getKey() + " has no span [start, end]");
            }
            List<Segment> highlights = new ArrayList<>();
            for (JsonNode h : e.getValue().path("highlights")) {
                if (h.size() != 2) {
                    throw new IllegalArgumentException(file + ": VOD " + e.getKey() + " has a highlight that is not [start, end]");
                }
                highlights.add(new Segment(e.getKey(), h.get(0).asDouble(), h.get(1).asDouble()));
            }
            vods.add(new LabelledVod(e.getKey(), span.get(0).asDouble(), span.get(1).asDouble(), highlights));
        }
        return vods;
    }
}
