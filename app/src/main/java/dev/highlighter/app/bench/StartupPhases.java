package dev.highlighter.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the start-up of one {@code run highlights} went, read from its log: the JVM before Spring
 * (launcher, class loading, argument checks), the Spring context (job and task repositories'
 * schema included), the job's launch up to its first step, the embedded HBase's start and tables
 * inside that step, the rest of the first step, and the first per-VOD step's start.
 */
record StartupPhases(Map<String, Double> seconds) {

    static final List<String> NAMES = List.of("JVM before Spring", "Spring context", "job launch (job repository)",
            "HBase start", "HBase tables", "first step (discoverVods) without HBase", "first VOD step started at");

    private static final Pattern STAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");
    private static final Pattern STARTED = Pattern.compile("Started HighlighterMain in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    static StartupPhases of(Path log) throws IOException {
        return of(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
    }

    /** The phases that the log shows; a phase whose lines are missing is left out. */
    static StartupPhases of(List<String> lines) {
        Map<String, LocalTime> at = new LinkedHashMap<>();
        double jvm = -1;
        double spring = -1;
        for (String line : lines) {
            Matcher stamp = STAMP.matcher(line);
            if (!stamp.find()) {
                continue;
            }
            LocalTime time = LocalTime.parse(stamp.group(1));
            Matcher started = STARTED.matcher(line);
            if (started.find()) {
                spring = Double.parseDouble(started.group(1));
                jvm = Double.parseDouble(started.group(2)) - spring;
                at.putIfAbsent("started", time);
            } else if (line.contains("DiscoverVodsTasklet") && line.contains("This run scores")) {
                at.putIfAbsent("first step", time);
            } else if (line.contains("Starting the embedded HBase")) {
                at.putIfAbsent("hbase", time);
            } else if (line.contains("Embedded HBase is up")) {
                at.putIfAbsent("hbase up", time);
            } else if (line.contains("Created HBase table")) {
                at.put("tables", time);
            } else if (line.matches(".*Found \\d+ VODs for.*")) {
                at.putIfAbsent("found", time);
            } else if (line.matches(".*progress\\s+\\w+\\.vod:\\S+ started.*")) {
                at.putIfAbsent("vod step", time);
            }
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        if (jvm >= 0) {
            phases.put(NAMES.get(0), jvm);
            phases.put(NAMES.get(1), spring);
        }
        between(at, "started", "first step").ifPresent(s -> phases.put(NAMES.get(2), s));
        double hbase = between(at, "hbase", "hbase up").orElse(0.0);
        double tables = between(at, "hbase up", "tables").orElse(0.0);
        if (at.containsKey("hbase up")) {
            phases.put(NAMES.get(3), hbase);
            phases.put(NAMES.get(4), tables);
        }
        between(at, "first step", "found").ifPresent(s -> phases.put(NAMES.get(5), s - hbase - tables));
        if (jvm >= 0) {
            double beforeContext = jvm + spring;
            between(at, "started", "vod step").ifPresent(s -> phases.put(NAMES.get(6), beforeContext + s));
        }
        return new StartupPhases(phases);
    }

    private static java.util.Optional<Double> between(Map<String, LocalTime> at, String from, String to) {
        if (!at.containsKey(from) || !at.containsKey(to)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.between(at.get(from), at.get(to)).toMillis() / 1000.0);
    }
}
