package dev.highlighter.console.runs;

import dev.highlighter.console.ConsoleBean;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs grid's rows, straight from Spring Batch's tables: filtering by job, status and date
 * range and paging are one indexed query, where the repository API would load every execution.
 * Plain SQL that H2 and PostgreSQL both take.
 */
@ConsoleBean
@Component
public class RunsQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final String prefix;

    public RunsQuery(DataSource dataSource, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String prefix) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.prefix = prefix;
    }

    /** What the grid is asked for; null fields do not filter. */
    public record Filter(String job, String status, LocalDate from, LocalDate to, int page, int size) {
    }

    /** One execution: a row of the grid, with its top-level steps' statuses by step name. */
    public record Run(long executionId, String job, String date, String status, String exitCode, LocalDateTime start,
                      LocalDateTime end, Map<String, Step> steps) {

        public String duration() {
            if (start == null) {
                return "";
            }
            Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
            return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart()) + (end == null ? " so far" : "");
        }
    }

    public record Step(long stepExecutionId, String status) {
    }

    /** A page of runs, newest first, and the stages (columns) of each job in the page, in run order. */
    public record Page(List<Run> runs, Map<String, List<String>> stagesByJob, boolean hasNext) {
    }

    public Page find(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT E.JOB_EXECUTION_ID, I.JOB_NAME, E.STATUS, E.EXIT_CODE, E.START_TIME, E.END_TIME,"
                + " P.PARAMETER_VALUE AS RUN_DATE FROM " + prefix + "JOB_EXECUTION E JOIN " + prefix + "JOB_INSTANCE I"
                + " ON E.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID LEFT JOIN " + prefix + "JOB_EXECUTION_PARAMS P"
                + " ON P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND P.PARAMETER_NAME = 'date' WHERE 1 = 1");
        MapSqlParameterSource args = new MapSqlParameterSource();
        if (filter.job() != null && !filter.job().isBlank()) {
            sql.append(" AND I.JOB_NAME = :job");
            args.addValue("job", filter.job());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            sql.append(" AND E.STATUS = :status");
            args.addValue("status", filter.status());
        }
        // ISO dates compare as strings
        if (filter.from() != null) {
            sql.append(" AND P.PARAMETER_VALUE >= :from");
            args.addValue("from", filter.from().toString());
        }
        if (filter.to() != null) {
            sql.append(" AND P.PARAMETER_VALUE <= :to");
            args.addValue("to", filter.to().toString());
        }
        sql.append(" ORDER BY E.JOB_EXECUTION_ID DESC LIMIT :limit OFFSET :offset");
        args.addValue("limit", filter.size() + 1);
        args.addValue("offset", (long) filter.page() * filter.size());
        List<Run> runs = new ArrayList<>(jdbc.query(sql.toString(), args, (rs, i) -> new Run(rs.getLong(1), rs.getString(2),
                rs.getString(7), rs.getString(3), rs.getString(4), time(rs.getTimestamp(5)), time(rs.getTimestamp(6)),
                new LinkedHashMap<>())));
        boolean hasNext = runs.size() > filter.size();
        if (hasNext) {
            runs.remove(runs.size() - 1);
        }
        Map<String, List<String>> stages = new LinkedHashMap<>();
        if (!runs.isEmpty()) {
            Map<Long, Run> byId = new LinkedHashMap<>();
            runs.forEach(r -> byId.put(r.executionId(), r));
            Map<String, Set<String>> names = new LinkedHashMap<>();
            Map<Long, Map<String, String>> failedPartitions = new LinkedHashMap<>();
            // the grid shows stages; a stage whose manager step completed but one of whose VOD
            // partitions ("stage.vod:VOD") failed shows that partition's status: that is where the day broke
            jdbc.query("SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS, STEP_EXECUTION_ID FROM " + prefix + "STEP_EXECUTION"
                            + " WHERE JOB_EXECUTION_ID IN (:ids) ORDER BY STEP_EXECUTION_ID",
                    new MapSqlParameterSource("ids", byId.keySet()), rs -> {
                        String name = rs.getString(2);
                        Run run = byId.get(rs.getLong(1));
                        int colon = name.indexOf(':');
                        if (colon >= 0) {
                            if (!"COMPLETED".equals(rs.getString(3))) {
                                failedPartitions.computeIfAbsent(run.executionId(), id -> new LinkedHashMap<>())
                                        .put(name.substring(0, colon).replace(".vod", ""), rs.getString(3));
                            }
                            return;
                        }
                        run.steps().put(name, new Step(rs.getLong(4), rs.getString(3)));
                        names.computeIfAbsent(run.job(), j -> new LinkedHashSet<>()).add(name);
                    });
            failedPartitions.forEach((id, byStage) -> byStage.forEach((stage, status) -> {
                Step step = byId.get(id).steps().get(stage);
                if (step != null && "COMPLETED".equals(step.status())) {
                    byId.get(id).steps().put(stage, new Step(step.stepExecutionId(), status));
                }
            }));
            runs.forEach(r -> names.computeIfAbsent(r.job(), j -> new LinkedHashSet<>()));
            names.forEach((job, set) -> stages.put(job, List.copyOf(set)));
        }
        return new Page(runs, stages, hasNext);
    }

    public List<String> jobNames() {
        return jdbc.getJdbcTemplate().queryForList("SELECT DISTINCT JOB_NAME FROM " + prefix + "JOB_INSTANCE ORDER BY JOB_NAME", String.class);
    }

    /** Per step name, its last {@code limit} completed or failed executions: for the step history page. */
    public List<StepRun> history(String stepName, int limit) {
        return jdbc.query("SELECT S.JOB_EXECUTION_ID, S.STATUS, S.START_TIME, S.END_TIME, S.READ_COUNT, S.WRITE_COUNT,"
                        + " S.READ_SKIP_COUNT + S.WRITE_SKIP_COUNT + S.PROCESS_SKIP_COUNT"
                        + " FROM " + prefix + "STEP_EXECUTION S WHERE S.STEP_NAME = :name AND S.END_TIME IS NOT NULL"
                        + " ORDER BY S.STEP_EXECUTION_ID DESC LIMIT :limit",
                new MapSqlParameterSource("name", stepName).addValue("limit", limit),
                (rs, i) -> new StepRun(rs.getLong(1), rs.getString(2), time(rs.getTimestamp(3)), time(rs.getTimestamp(4)),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }

    /** Step names that ran, partition workers folded to their worker name ({@code stage.vod}). */
    public List<String> stepNames() {
        List<String> names = jdbc.getJdbcTemplate().queryForList("SELECT DISTINCT STEP_NAME FROM " + prefix + "STEP_EXECUTION", String.class);
        return names.stream().filter(n -> !n.contains(":")).sorted().toList();
    }

    public record StepRun(long jobExecutionId, String status, LocalDateTime start, LocalDateTime end, long read, long written,
                          long skipped) {

        public long millis() {
            return start == null || end == null ? 0 : Duration.between(start, end).toMillis();
        }
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
