package dev.highlighter.jobs.cli;

import dev.highlighter.processors.evaluation.LabelledVod;
import dev.highlighter.processors.evaluation.Segment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the two inputs of {@code evaluate}, with errors that name the file and the place. */
public final class EvaluationFiles {

    private EvaluationFiles() {
    }

    static List<LabelledVod> readLabels(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** labels.json from any stream; {@code file} names it in errors. */
    public static List<LabelledVod> readLabels(java.io.InputStream in, String file) throws IOException {
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

    static List<Segment> readPredictions(Path file) throws IOException {
        List<Segment> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("vod_id,start_s,end_s")) {
                throw new IllegalArgumentException(file + ":1: expected the header vod_id,start_s,end_s,...");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                try {
                    out.add(new Segment(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected vod_id,start_s,end_s,... but got '" + line + "'");
                }
            }
        }
        return out;
    }
}
