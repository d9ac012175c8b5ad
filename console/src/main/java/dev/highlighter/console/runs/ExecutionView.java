package dev.highlighter.console.runs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One execution as the page shows it: its steps with their counts, and the per-VOD partitions
 * (worker steps named {@code stage.vod:VOD}) grouped by VOD with each one's failure reason.
 */
public record ExecutionView(JobExecution execution, List<StepRow> steps, Map<String, List<StepRow>> partitionsByVod) {

    public static ExecutionView of(JobExecution execution) {
        List<StepRow> steps = new ArrayList<>();
        Map<String, List<StepRow>> byVod = new LinkedHashMap<>();
        execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach(step -> {
            StepRow row = StepRow.of(step);
            int colon = step.getStepName().indexOf(':');
            if (colon < 0) {
                steps.add(row);
            } else {
                byVod.computeIfAbsent(step.getStepName().substring(colon + 1), v -> new ArrayList<>()).add(row);
            }
        });
        return new ExecutionView(execution, steps, byVod);
    }

    public String date() {
        java.time.LocalDate date = execution.getJobParameters().getLocalDate("date");
        return date == null ? "" : date.toString();
    }

    public String duration() {
        return StepRow.duration(execution.getStartTime(), execution.getEndTime());
    }

    public boolean running() {
        return execution.isRunning();
    }

    public boolean restartable() {
        return execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED;
    }

    public boolean abandonable() {
        return !execution.isRunning() && execution.getStatus() != BatchStatus.ABANDONED && execution.getStatus() != BatchStatus.COMPLETED;
    }

    public java.util.List<String> parameters() {
        return execution.getJobParameters().parameters().stream()
                .map(p -> p.name() + "=" + p.value() + (p.identifying() ? "" : " (setting)")).sorted().toList();
    }

    public String failures() {
        StringWriter out = new StringWriter();
        for (Throwable t : execution.getAllFailureExceptions()) {
            t.printStackTrace(new PrintWriter(out));
        }
        return out.toString();
    }

    /** A step or partition with Spring Batch's counts. */
    public record StepRow(long id, String name, String stage, String status, String exitCode, String exitDescription,
                          long read, long written, long skipped, long commits, long rollbacks, long filtered,
                          String duration, LocalDateTime start, LocalDateTime end) {

        static StepRow of(StepExecution s) {
            String name = s.getStepName();
            int colon = name.indexOf(':');
            String stage = colon < 0 ? name : name.substring(0, colon).replace(".vod", "");
            return new StepRow(s.getId(), name, stage, s.getStatus().name(), s.getExitStatus().getExitCode(),
                    s.getExitStatus().getExitDescription(), s.getReadCount(), s.getWriteCount(), s.getSkipCount(),
                    s.getCommitCount(), s.getRollbackCount(), s.getFilterCount(), duration(s.getStartTime(), s.getEndTime()),
                    s.getStartTime(), s.getEndTime());
        }

        /** The first line of the exit description: the reason; the rest (a stack trace) is folded. */
        public String reason() {
            return exitDescription == null || exitDescription.isBlank() ? "" : exitDescription.lines().findFirst().orElse("");
        }

        public boolean hasTrace() {
            return exitDescription != null && exitDescription.lines().count() > 1;
        }

        static String duration(LocalDateTime start, LocalDateTime end) {
            if (start == null) {
                return "";
            }
            Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
            return String.format("%.1f s", d.toMillis() / 1000.0) + (end == null ? " so far" : "");
        }
    }
}
