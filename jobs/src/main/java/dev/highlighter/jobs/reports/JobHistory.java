package dev.highlighter.jobs.reports;

import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** What the job repository says about the highlights job's runs: stage times, per-VOD time, day totals. */
final class JobHistory {

    private final JobRunner runner;
    private final org.springframework.batch.core.repository.JobRepository repository;

    JobHistory(JobRunner runner, org.springframework.batch.core.repository.JobRepository repository) {
        this.runner = runner;
        this.repository = repository;
    }

    private JobExecution last(LocalDate date) {
        return runner.lastExecution(HighlightsJobConfiguration.JOB, date);
    }

    /** Each step of the date's last run, a stage's VOD partitions summed into their worker's name. */
    List<ReportData.Stage> stages(LocalDate date) {
        JobExecution run = last(date);
        if (run == null) {
            return List.of();
        }
        Map<String, long[]> millis = new LinkedHashMap<>();
        Map<String, String> status = new LinkedHashMap<>();
        for (StepExecution s : run.getStepExecutions()) {
            String name = s.getStepName().contains(":") ? s.getStepName().substring(0, s.getStepName().indexOf(':')) + " (per VOD, summed)" : s.getStepName();
            millis.computeIfAbsent(name, k -> new long[1])[0] += millis(s.getStartTime(), s.getEndTime());
            status.merge(name, s.getStatus().name(), (a, b) -> a.equals("COMPLETED") ? b : a);
        }
        List<ReportData.Stage> out = new ArrayList<>();
        millis.forEach((name, ms) -> out.add(new ReportData.Stage(date, name, ms[0], status.get(name))));
        return out;
    }

    /** Milliseconds the date's last run spent on each VOD, over its partitions of every stage. */
    Map<String, Long> perVod(LocalDate date) {
        JobExecution run = last(date);
        Map<String, Long> out = new LinkedHashMap<>();
        if (run != null) {
            for (StepExecution s : run.getStepExecutions()) {
                int colon = s.getStepName().indexOf(':');
                if (colon > 0) {
                    out.merge(s.getStepName().substring(colon + 1), millis(s.getStartTime(), s.getEndTime()), Long::sum);
                }
            }
        }
        return out;
    }

    /** The date's last run, or empty when the highlights job never ran for it. */
    java.util.Optional<ReportData.DayTotal> day(LocalDate date) {
        JobExecution run = last(date);
        if (run == null) {
            return java.util.Optional.empty();
        }
        long scored = 0, failed = 0, rejected = 0;
        // read on its own: this lookup brings the step's execution context, which the job's list leaves empty
        StepExecution summary = repository.getLastStepExecution(run.getJobInstance(), "summary");
        if (summary != null) {
            scored = summary.getExecutionContext().getLong("vodsScored", 0);
            failed = summary.getExecutionContext().getLong("vodsFailed", 0);
            rejected = summary.getExecutionContext().getLong("chatRowsRejected", 0);
        }
        return java.util.Optional.of(new ReportData.DayTotal(date, run.getStatus().name(),
                millis(run.getStartTime(), run.getEndTime()), scored, failed, rejected));
    }

    private static long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis();
    }
}
