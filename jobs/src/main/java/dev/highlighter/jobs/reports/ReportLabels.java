package dev.highlighter.jobs.reports;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.readers.labels.LabelsJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The labels a VOD's highlights are judged against: those the feedback job stored in
 * {@code windows:l} when there are any (they need no new input), otherwise the VOD's entry in the
 * run's labels.json (job parameter {@code labels}), otherwise none.
 */
final class ReportLabels {

    static final String STORED = "stored";

    private final Map<String, LabelledVod> fromFile;
    private final String file;
    private final long windowMs;
    private final List<String> problems = new ArrayList<>();

    private ReportLabels(Map<String, LabelledVod> fromFile, String file, long windowMs) {
        this.fromFile = fromFile;
        this.file = file;
        this.windowMs = windowMs;
    }

    /** Reads labels.json once per partition; a file that cannot be read becomes a problem of the report, not a failure. */
    static ReportLabels load(FileSystem fs, String labels, long windowMs) {
        if (labels == null || labels.isBlank()) {
            return new ReportLabels(Map.of(), null, windowMs);
        }
        Path path = new Path(labels);
        try (InputStream in = path.getFileSystem(fs.getConf()).open(path)) {
            return new ReportLabels(LabelsJson.readLabels(in, labels).stream()
                    .collect(Collectors.toMap(LabelledVod::vodId, Function.identity(), (a, b) -> b)), labels, windowMs);
        } catch (Exception e) {
            ReportLabels none = new ReportLabels(Map.of(), null, windowMs);
            none.problems.add("labels " + labels + " could not be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return none;
        }
    }

    List<String> problems() {
        return problems;
    }

    /** The VOD with its highlights scored against its labels, or unchanged when it has none. */
    ReportData.Vod evaluate(ReportData.Vod vod, List<Highlight> highlights) {
        String source = STORED;
        LabelledVod truth = stored(vod);
        if (truth == null) {
            truth = fromFile.get(vod.vodId());
            source = file;
        }
        if (truth == null) {
            return vod;
        }
        List<Segment> predicted = highlights.stream()
                .map(h -> new Segment(h.vodId(), h.startSeconds(), h.endSeconds(), h.score())).toList();
        return new ReportData.Vod(vod.vodId(), vod.channel(), vod.date(), vod.status(), vod.mediaStatus(), vod.durationMs(),
                vod.messages(), vod.rejected(), vod.highlights(), vod.model(), vod.failure(), vod.reelPath(), vod.processingMs(),
                vod.timeline(), new ReportData.Labels(source, HighlightEvaluator.evaluate(truth, predicted)));
    }

    /** The stored window labels as spans, the way the retrain job reads them; null when no window has one. */
    private LabelledVod stored(ReportData.Vod vod) {
        ReportData.Timeline t = vod.timeline();
        float[] labels = new float[t.label().length];
        List<WindowFeatures> windows = new ArrayList<>(labels.length);
        boolean any = false;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (float) t.label()[i];
            any |= !Double.isNaN(t.label()[i]);
            windows.add(new WindowFeatures(vod.vodId(), Math.round(t.startS()[i] * 1000), Map.of()));
        }
        return any ? new ModelEvaluation.Labelled(vod.vodId(), windows, labels, windowMs).truth() : null;
    }
}
