package dev.highlighter.app.cli;

import dev.highlighter.jobs.launch.JobRunner;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a job for a logical date.",
                "A date that failed before is restarted: only the VODs that did not complete run again.",
                "A completed date is left alone unless --rerun is given."})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job to run: highlights, feedback, retrain or reports.")
    String job;

    /** Either one logical date or a roll-up range; picocli refuses neither or both. */
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    static class When {
        @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "The logical date (the partition vods/*/DATE/).")
        LocalDate date;

        @CommandLine.ArgGroup(exclusive = false)
        Range range;
    }

    static class Range {
        @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", description = "reports: the first date of a roll-up, written to reports/FROM_TO/.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "yyyy-MM-dd", description = "reports: the last date of a roll-up.")
        LocalDate to;
    }

    @Option(names = "--rerun", description = "Run a completed date again, as a new run; rows are overwritten, not duplicated.")
    boolean rerun;

    @Option(names = "--no-reel", description = "highlights: do not cut highlight reels in this run.")
    boolean noReel;

    @Option(names = "--labels", paramLabel = "URI", description = "feedback: explicit labels in labels.json form (a path on the file system or a URI).")
    String labels;

    @Option(names = "--clips", paramLabel = "DIR", description = "feedback: a folder of viewers' clip events (*.jsonl lines {\"type\":\"clip\",\"vod\":…,\"t\":…,\"duration\":…}), read beside the date's feedback events.")
    String clips;

    @Option(names = "--lookback-days", paramLabel = "N", description = "retrain: days of labelled VODs to learn from (default: highlighter.retrain-lookback-days).")
    Integer lookbackDays;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    JobRunner runner;

    @Override
    public Integer call() throws Exception {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (noReel) {
            settings.put("reel", "false");
        }
        if (labels != null) {
            settings.put("labels", labels.contains(":") ? labels : java.nio.file.Path.of(labels).toAbsolutePath().toUri().toString());
        }
        if (clips != null) {
            settings.put("clips", clips.contains(":") ? clips : java.nio.file.Path.of(clips).toAbsolutePath().toUri().toString());
        }
        if (lookbackDays != null) {
            settings.put("lookbackDays", String.valueOf(lookbackDays));
        }
        LocalDate date = when.date;
        LocalDate from = when.range == null ? null : when.range.from;
        LocalDate to = when.range == null ? null : when.range.to;
        JobExecution execution = date != null ? runner.run(job, date, rerun, settings) : runner.run(job, from, to, rerun, settings);
        PrintWriter out = spec.commandLine().getOut();
        double seconds = execution.getStartTime() == null || execution.getEndTime() == null ? 0
                : java.time.Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0;
        var noop = dev.highlighter.jobs.launch.NothingToDoException.in(execution);
        String status = noop.isPresent() ? dev.highlighter.jobs.launch.NothingToDoException.EXIT_CODE : execution.getStatus().toString();
        out.printf("%s %s: %s in %.1f s (job execution %d)%n", job, date != null ? date : from + ".." + to, status, seconds, execution.getId());
        out.flush();
        if (noop.isPresent()) {
            spec.commandLine().getErr().println(noop.get().getMessage());
            return ExitCodes.NOOP;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            spec.commandLine().getErr().println(RunFailures.describe(execution));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
