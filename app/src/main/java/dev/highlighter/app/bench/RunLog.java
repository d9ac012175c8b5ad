package dev.highlighter.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a {@code run highlights} was when its log ends: the last stage it logged. */
final class RunLog {

    /** A log line that says a stage began; the stage is the group when there is one, else the name. */
    private record Marker(Pattern pattern, String stage) {
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker(Pattern.compile("Started HighlighterMain"), "job start"),
            new Marker(Pattern.compile("This run scores with model"), "discoverVods"),
            new Marker(Pattern.compile("Starting the embedded HBase"), "HBase start-up"),
            new Marker(Pattern.compile("Embedded HBase is up"), "HBase tables"),
            new Marker(Pattern.compile("Found \\d+ VODs for"), "discoverVods"),
            new Marker(Pattern.compile("progress\\s+(\\w+)\\.vod:\\S+ started"), null),
            new Marker(Pattern.compile("Summary for"), "summary"),
            new Marker(Pattern.compile("^highlights \\S+: \\w+ in"), "shutdown after the job"),
            new Marker(Pattern.compile("Embedded HBase stopped"), "exit"));

    private RunLog() {
    }

    static String landedIn(Path log) throws IOException {
        return landedIn(Files.readAllLines(log, StandardCharsets.ISO_8859_1)); // any bytes, even a line cut by the kill
    }

    static String landedIn(List<String> lines) {
        String stage = "JVM and Spring start-up";
        for (String line : lines) {
            for (Marker marker : MARKERS) {
                Matcher m = marker.pattern().matcher(line);
                if (m.find()) {
                    stage = marker.stage() != null ? marker.stage() : m.group(1);
                }
            }
        }
        return stage;
    }
}
