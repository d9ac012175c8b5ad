package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The report's last step: reads every channel's part from the staging folder, adds what only the
 * whole range has (quarantine files, the job repository's history, the models' metrics), writes
 * index.html, the CSVs and the whole-range charts, and publishes the folder atomically with the
 * channels' timelines. Then the staging folder goes.
 */
public class AssembleReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AssembleReportTasklet.class);
    /** The 7-day comparison of a one-day report. */
    private static final int LOOKBACK_DAYS = 7;

    private final ReportCollector collector;
    private final JobHistory history;
    private final ModelRegistry registry;
    private final FileSystem fs;
    private final HdfsLayout layout;

    AssembleReportTasklet(ReportCollector collector, JobHistory history, ModelRegistry registry, FileSystem fs, HdfsLayout layout) {
        this.collector = collector;
        this.history = history;
        this.registry = registry;
        this.fs = fs;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        LocalDate to = step.getJobParameters().getLocalDate("date");
        LocalDate from = step.getJobParameters().getLocalDate("from", to);
        org.apache.hadoop.fs.Path staging = ReportParts.staging(layout, from, to, step.getJobExecution().getJobInstance().getInstanceId());
        long t0 = System.nanoTime();
        List<ChannelPart> parts = ReportParts.read(fs, staging);
        long t1 = System.nanoTime();
        ReportData data = withHistory(merge(from, to, parts), from, to);
        long t2 = System.nanoTime();
        Map<String, String> timelines = new LinkedHashMap<>();
        List<org.apache.hadoop.fs.Path> staged = new ArrayList<>();
        for (ChannelPart part : parts) {
            org.apache.hadoop.fs.Path dir = ReportParts.channelDir(staging, part.channel());
            part.vods().stream().filter(v -> part.timelines().containsKey(v.vodId())).forEach(v -> {
                timelines.put(v.vodId(), part.timelines().get(v.vodId()));
                staged.add(new org.apache.hadoop.fs.Path(dir, part.timelines().get(v.vodId())));
            });
        }
        Path local = Files.createTempDirectory("report-");
        org.apache.hadoop.fs.Path target = layout.reports(from, to);
        long t3;
        try {
            write(data, timelines, local);
            t3 = System.nanoTime();
            ReportFiles.publish(fs, local, staged, target);
        } finally {
            ReportFiles.deleteLocal(local);
        }
        fs.delete(staging, true);
        log.info("Report {} written to {}: {} channels, {} VODs, {} highlights, {} problems (ms: parts {}, history {}, drawn {}, published {})",
                data.label(), target, parts.size(), data.vods().size(), data.highlights().size(), data.problems().size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        var context = step.getExecutionContext();
        context.putLong("channels", parts.size());
        context.putLong("vods", data.vods().size());
        context.putLong("highlights", data.highlights().size());
        context.putLong("problems", data.problems().size());
        contribution.incrementWriteCount(data.highlights().size() + data.vods().size());
        return RepeatStatus.FINISHED;
    }

    /** The channels' parts as one range, channel by channel. */
    private ReportData merge(LocalDate from, LocalDate to, List<ChannelPart> parts) throws java.io.IOException {
        List<ReportData.Vod> vods = new ArrayList<>();
        List<ReportData.Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ChannelPart part : parts) {
            vods.addAll(part.vods());
            lines.addAll(part.highlights());
            part.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        return new ReportData(from, to, vods, lines, problems, collector.quarantine(from, to), Map.of(), List.of(), List.of());
    }

    private ReportData withHistory(ReportData data, LocalDate from, LocalDate to) {
        Map<String, Long> perVod = new TreeMap<>();
        List<ReportData.Stage> stages = new ArrayList<>();
        List<ReportData.DayTotal> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perVod.putAll(history.perVod(d));
            stages.addAll(history.stages(d));
        }
        // a day's report compares with the 7 days before; a roll-up shows each of its days
        LocalDate first = data.range() ? from : to.minusDays(LOOKBACK_DAYS);
        for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(1)) {
            history.day(d).ifPresent(days::add);
        }
        List<ReportData.Vod> vods = data.vods().stream().map(v -> v.withProcessing(perVod.getOrDefault(v.vodId(), 0L))).toList();
        ReportData withTimes = new ReportData(data.from(), data.to(), vods, data.highlights(), data.problems(), data.quarantine(),
                Map.of(), List.of(), List.of());
        return withTimes.with(metrics(data), stages, days);
    }

    /** Each model version of the report with its held-out figures, or why there are none. */
    private Map<String, String> metrics(ReportData data) {
        Map<String, String> out = new LinkedHashMap<>();
        data.vods().stream().map(ReportData.Vod::model).filter(m -> !m.isEmpty()).distinct().sorted().forEach(version -> {
            try {
                ModelMetrics.Figures f = registry.metrics(version).figures();
                out.put(version, String.format(Locale.ROOT, "F1 %.3f, precision %.3f, recall %.3f, segment P %.3f, segment R %.3f, AUC %.3f",
                        f.f1(), f.precision(), f.recall(), f.segmentPrecision(), f.segmentRecall(), f.auc()));
            } catch (java.io.FileNotFoundException e) {
                out.put(version, "no held-out metrics in the registry (" + registry.dir(version) + " has no "
                        + ModelRegistry.METRICS_FILE + ")");
            } catch (Exception e) {
                // HDFS puts the server's stack trace in the message: its first line says enough
                out.put(version, "its metrics could not be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        });
        return out;
    }

    private static void write(ReportData data, Map<String, String> timelines, Path dir) throws Exception {
        try (Writer w = Files.newBufferedWriter(dir.resolve("highlights.csv"), StandardCharsets.UTF_8)) {
            ReportCsv.highlights(data, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("vods.csv"), StandardCharsets.UTF_8)) {
            ReportCsv.vods(data, w);
        }
        if (!data.highlights().isEmpty()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("scores.png"))) {
                ReportCharts.scores(data.highlights(), out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("per-hour.png"))) {
                ReportCharts.perHour(data.highlights(), out);
            }
        }
        Files.writeString(dir.resolve("index.html"), ReportHtml.render(data, timelines), StandardCharsets.UTF_8);
    }
}
