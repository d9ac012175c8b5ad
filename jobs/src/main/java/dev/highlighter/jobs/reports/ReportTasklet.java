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
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Gathers the range's report, draws it into a local folder and publishes that folder atomically. */
public class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);
    /** The 7-day comparison of a one-day report. */
    private static final int LOOKBACK_DAYS = 7;

    private final ReportCollector collector;
    private final JobHistory history;
    private final ModelRegistry registry;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final LocalDate from;
    private final LocalDate to;

    ReportTasklet(ReportCollector collector, JobHistory history, ModelRegistry registry, FileSystem fs, HdfsLayout layout,
                  LocalDate from, LocalDate to) {
        this.collector = collector;
        this.history = history;
        this.registry = registry;
        this.fs = fs;
        this.layout = layout;
        this.from = from;
        this.to = to;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ReportData data = withHistory(collector.collect(from, to));
        Path local = Files.createTempDirectory("report-");
        try {
            write(data, local);
            org.apache.hadoop.fs.Path target = layout.reports(from, to);
            ReportFiles.publish(fs, local, target);
            log.info("Report {} written to {}: {} VODs, {} highlights, {} problems", data.label(), target,
                    data.vods().size(), data.highlights().size(), data.problems().size());
        } finally {
            ReportFiles.deleteLocal(local);
        }
        var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        context.putLong("vods", data.vods().size());
        context.putLong("highlights", data.highlights().size());
        context.putLong("problems", data.problems().size());
        contribution.incrementWriteCount(data.highlights().size() + data.vods().size());
        return RepeatStatus.FINISHED;
    }

    private ReportData withHistory(ReportData data) {
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
        List<ReportData.Vod> vods = data.vods().stream().map(v -> new ReportData.Vod(v.vodId(), v.channel(), v.date(), v.status(),
                v.mediaStatus(), v.durationMs(), v.messages(), v.rejected(), v.highlights(), v.model(), v.failure(), v.reelPath(),
                perVod.getOrDefault(v.vodId(), 0L), v.timeline())).toList();
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

    private static void write(ReportData data, Path dir) throws Exception {
        try (Writer w = Files.newBufferedWriter(dir.resolve("highlights.csv"), StandardCharsets.UTF_8)) {
            ReportCsv.highlights(data, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("vods.csv"), StandardCharsets.UTF_8)) {
            ReportCsv.vods(data, w);
        }
        Map<String, String> timelines = new LinkedHashMap<>();
        if (!data.highlights().isEmpty()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("scores.png"))) {
                ReportCharts.scores(data.highlights(), out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("per-hour.png"))) {
                ReportCharts.perHour(data.highlights(), out);
            }
        }
        for (ReportData.Vod vod : data.vods()) {
            if (vod.timeline().startS().length > 0) {
                String name = "timeline-" + vod.vodId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
                try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                    ReportCharts.timeline(vod, data.highlights().stream().filter(l -> l.highlight().vodId().equals(vod.vodId())).toList(), out);
                }
                timelines.put(vod.vodId(), name);
            }
        }
        Files.writeString(dir.resolve("index.html"), ReportHtml.render(data, timelines), StandardCharsets.UTF_8);
    }
}
