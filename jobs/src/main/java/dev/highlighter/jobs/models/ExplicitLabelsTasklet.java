package dev.highlighter.jobs.models;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.readers.labels.LabelsJson;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.processors.feedback.LabelAggregator;
import dev.highlighter.writers.WindowFeaturesWriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Explicit labels in labels.json form: every window whose middle is inside a VOD's labelled
 * span gets label 1 (in a highlight) or 0, marked explicit. Written after the implicit labels,
 * so explicit ones win.
 */
public class ExplicitLabelsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ExplicitLabelsTasklet.class);

    private final FileSystem fs;
    private final String labels;
    private final WindowFeaturesWriter writer;
    private final long windowMs;

    public ExplicitLabelsTasklet(FileSystem fs, String labels, WindowFeaturesWriter writer, long windowMs) {
        this.fs = fs;
        this.labels = labels;
        this.writer = writer;
        this.windowMs = windowMs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (labels == null || labels.isBlank()) {
            return RepeatStatus.FINISHED;
        }
        List<LabelledVod> vods;
        Path path = new Path(labels);
        try (InputStream in = path.getFileSystem(fs.getConf()).open(path)) {
            vods = LabelsJson.readLabels(in, labels);
        }
        long windows = 0;
        for (LabelledVod vod : vods) {
            List<WindowFeatures> rows = new ArrayList<>();
            for (long w = (long) (vod.spanStart() * 1000) / windowMs; w * windowMs < vod.spanEnd() * 1000; w++) {
                float label = vod.windowLabel(w * windowMs, windowMs);
                if (!Float.isNaN(label)) {
                    rows.add(new WindowFeatures(vod.vodId(), w * windowMs, Map.of(LabelAggregator.LABEL, (double) label, LabelAggregator.EXPLICIT, 1.0)));
                }
            }
            writer.write(new Chunk<>(rows));
            windows += rows.size();
            contribution.incrementWriteCount(rows.size());
        }
        log.info("Explicit labels from {}: {} VODs, {} windows", labels, vods.size(), windows);
        return RepeatStatus.FINISHED;
    }
}
