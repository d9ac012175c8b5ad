package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One channel's partition: collects its VODs' figures, draws their timelines and leaves both in
 * the channel's staging folder. Everything it needs comes from its step execution (the channel
 * and its VODs in the partition's context, the range and labels in the job parameters), so one
 * bean serves every partition and every run. It rewrites its folder whole, so a restart never
 * appends.
 */
public class ChannelReportTasklet implements Tasklet {

    /** Partition context keys, and the counts a partition leaves in its context. */
    static final String VODS_FOUND = "vods";
    static final String HIGHLIGHTS_FOUND = "highlights";
    static final String LABELLED_VODS = "labelledVods";
    /** Job parameter: a labels.json URI, for VODs without labels stored in {@code windows:l}. */
    static final String LABELS = "labels";

    private final ReportCollector collector;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final long windowMs;

    ChannelReportTasklet(ReportCollector collector, FileSystem fs, HdfsLayout layout, long windowMs) {
        this.collector = collector;
        this.fs = fs;
        this.layout = layout;
        this.windowMs = windowMs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        String channel = context.getString(ChannelPartitioner.CHANNEL);
        List<ReportCollector.Entry> entries = ChannelPartitioner.entries(context.getString(ChannelPartitioner.VODS));
        JobParameters parameters = step.getJobParameters();
        LocalDate to = parameters.getLocalDate("date");
        LocalDate from = parameters.getLocalDate("from", to);

        ChannelPart found = collector.collect(channel, entries, ReportLabels.load(fs, parameters.getString(LABELS), windowMs));

        Path dir = ReportParts.channelDir(ReportParts.staging(layout, from, to, step.getJobExecution().getJobInstance().getInstanceId()), channel);
        fs.delete(dir, true);
        fs.mkdirs(dir);
        Map<String, String> timelines = new LinkedHashMap<>();
        for (ReportData.Vod vod : found.vods()) {
            if (vod.timeline().startS().length > 0) {
                String name = ReportParts.timelineName(vod.vodId());
                try (OutputStream out = fs.create(new Path(dir, name), true)) {
                    ReportCharts.timeline(vod, found.highlights().stream().filter(l -> l.highlight().vodId().equals(vod.vodId())).toList(), out);
                }
                timelines.put(vod.vodId(), name);
            }
        }
        ReportParts.write(fs, dir, new ChannelPart(channel, found.vods().stream().map(ReportData.Vod::withoutTimeline).toList(),
                found.highlights(), found.problems(), timelines));

        context.putLong(VODS_FOUND, found.vods().size());
        context.putLong(HIGHLIGHTS_FOUND, found.highlights().size());
        context.putLong(LABELLED_VODS, found.vods().stream().filter(v -> v.labels() != null).count());
        contribution.incrementWriteCount(found.vods().size() + found.highlights().size());
        return RepeatStatus.FINISHED;
    }
}
