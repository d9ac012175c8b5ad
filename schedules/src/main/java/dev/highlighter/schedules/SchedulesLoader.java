package dev.highlighter.schedules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads schedules.yaml and checks every entry before anything runs: a scheduler never starts
 * half-configured. All problems are reported at once, each naming its entry.
 */
public final class SchedulesLoader {

    /** The copy of schedules.yaml inside the jar. */
    public static final String RESOURCE = "/dev/highlighter/schedules/schedules.yaml";

    private static final Set<String> FIELDS = Set.of("job", "cron", "timeZone", "logicalDate", "startDate", "catchup",
            "maxActiveRuns", "parameters", "retries", "sensor", "dependsOn", "startingDeadline");

    private SchedulesLoader() {
    }

    public static Map<String, Schedule> load(Path file, Predicate<String> knownJob) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), knownJob);
        }
    }

    public static Map<String, Schedule> loadBundled(Predicate<String> knownJob) throws IOException {
        try (InputStream in = SchedulesLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schedules.yaml is missing from the classpath (" + RESOURCE + ")");
            }
            return load(in, "schedules.yaml", knownJob);
        }
    }

    public static Map<String, Schedule> load(InputStream in, String source, Predicate<String> knownJob) throws IOException {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ScheduleConfigException(source, List.of("cannot be parsed" + where + ": " + e.getOriginalMessage()));
        }
        JsonNode entries = root == null ? null : root.get("schedules");
        if (entries == null || !entries.isObject() || entries.isEmpty()) {
            throw new ScheduleConfigException(source, List.of("has no 'schedules:' map with at least one entry"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries.properties()) {
            Entry entry = new Entry(e.getKey(), e.getValue(), problems);
            Schedule s = entry.parse(knownJob);
            if (s != null) {
                schedules.put(s.name(), s);
            }
        }
        Set<String> names = new java.util.HashSet<>(entries.propertyNames());
        for (Map.Entry<String, JsonNode> e : entries.properties()) {
            for (JsonNode dep : e.getValue().path("dependsOn")) {
                if (!names.contains(dep.asString())) {
                    problems.add("entry '" + e.getKey() + "': dependsOn names '" + dep.asString() + "', which is not a schedule here");
                } else if (dep.asString().equals(e.getKey())) {
                    problems.add("entry '" + e.getKey() + "': depends on itself");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScheduleConfigException(source, problems);
        }
        return schedules;
    }

    /** One entry, with helpers that record a problem and go on, so every problem is reported. */
    private static final class Entry {
        private final String name;
        private final JsonNode node;
        private final List<String> problems;
        private boolean ok = true;

        Entry(String name, JsonNode node, List<String> problems) {
            this.name = name;
            this.node = node;
            this.problems = problems;
        }

        Schedule parse(Predicate<String> knownJob) {
            if (!node.isObject()) {
                problem("is not a map of settings");
                return null;
            }
            for (String field : node.propertyNames()) {
                if (!FIELDS.contains(field)) {
                    problem("unknown setting '" + field + "' (known: " + FIELDS.stream().sorted().toList() + ")");
                }
            }
            String job = text("job", name);
            if (!knownJob.test(job)) {
                problem("unknown job '" + job + "'");
            }
            String cron = text("cron", null);
            ZoneId zone = zone();
            LogicalDateRule rule = parseWith("logicalDate", "yesterday", LogicalDateRule::parse);
            LocalDate startDate = node.has("startDate") ? parseWith("startDate", null, LocalDate::parse) : null;
            boolean catchup = node.path("catchup").asBoolean(false);
            if (catchup && startDate == null) {
                problem("catchup needs a startDate");
            }
            int maxActiveRuns = node.path("maxActiveRuns").asInt(1);
            if (maxActiveRuns < 1) {
                problem("maxActiveRuns must be at least 1, not " + maxActiveRuns);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            node.path("parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().asString()));
            Schedule.RetryPolicy retries = retries();
            Schedule.Sensor sensor = sensor();
            List<String> dependsOn = new ArrayList<>();
            node.path("dependsOn").forEach(d -> dependsOn.add(d.asString()));
            Duration deadline = duration(node.path("startingDeadline"), "startingDeadline", Duration.ofHours(1));
            if (cron == null) {
                problem("has no cron");
                return null;
            }
            Schedule schedule = new Schedule(name, job, cron, zone, rule, startDate, catchup, maxActiveRuns, parameters,
                    retries, sensor, dependsOn, deadline);
            try {
                schedule.cronExpression();
            } catch (IllegalArgumentException e) {
                problem("invalid cron '" + cron + "': " + e.getMessage());
            }
            return ok ? schedule : null;
        }

        private Schedule.RetryPolicy retries() {
            JsonNode r = node.path("retries");
            if (r.isMissingNode()) {
                return Schedule.RetryPolicy.NONE;
            }
            int max = r.path("max").asInt(0);
            Duration initial = duration(r.path("initialDelay"), "retries.initialDelay", Duration.ofMinutes(1));
            double multiplier = r.path("multiplier").asDouble(2.0);
            Duration maxDelay = duration(r.path("maxDelay"), "retries.maxDelay", Duration.ofHours(1));
            if (max < 0 || multiplier < 1) {
                problem("retries need max >= 0 and multiplier >= 1");
            }
            return new Schedule.RetryPolicy(max, initial, multiplier, maxDelay);
        }

        private Schedule.Sensor sensor() {
            JsonNode s = node.path("sensor");
            if (s.isMissingNode() || s.isNull()) {
                return null;
            }
            Duration poke = duration(s.path("pokeInterval"), "sensor.pokeInterval", Duration.ofMinutes(5));
            Duration timeout = duration(s.path("timeout"), "sensor.timeout", Duration.ofHours(6));
            if (poke.isZero() || poke.isNegative()) {
                problem("sensor.pokeInterval must be positive");
            }
            return new Schedule.Sensor(poke, timeout, s.path("softFail").asBoolean(false));
        }

        private ZoneId zone() {
            String z = text("timeZone", "UTC");
            try {
                return ZoneId.of(z);
            } catch (RuntimeException e) {
                problem("unknown timeZone '" + z + "'");
                return ZoneId.of("UTC");
            }
        }

        private Duration duration(JsonNode value, String field, Duration fallback) {
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            try {
                return Duration.parse(value.asString());
            } catch (DateTimeParseException e) {
                problem(field + " '" + value.asString() + "' is not an ISO-8601 duration such as PT5M");
                return fallback;
            }
        }

        private <T> T parseWith(String field, String fallback, java.util.function.Function<String, T> parser) {
            String value = text(field, fallback);
            try {
                return value == null ? null : parser.apply(value);
            } catch (RuntimeException e) {
                problem(field + ": " + e.getMessage());
                return null;
            }
        }

        private String text(String field, String fallback) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? fallback : v.asString();
        }

        private void problem(String message) {
            ok = false;
            problems.add("entry '" + name + "': " + message);
        }
    }
}
