package dev.highlighter.processors.evaluation;

import dev.highlighter.core.LabelledVod;

import dev.highlighter.core.Segment;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.VodScores;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.segment.SegmentPolicy;
import dev.highlighter.processors.segment.Segmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores a model on labelled VODs the way the job would use it: windows, then segments. */
public final class ModelEvaluation {

    /** A VOD's windows in time order with a 0/1 label per window (NaN: unlabelled). */
    public record Labelled(String vodId, List<WindowFeatures> windows, float[] labels, long windowMs) {

        /** The labels as evaluation input: labelled windows span the VOD, runs of 1 are highlights. */
        public LabelledVod truth() {
            double start = Double.NaN;
            double end = Double.NaN;
            List<Segment> highlights = new ArrayList<>();
            Segment open = null;
            for (int i = 0; i < windows.size(); i++) {
                if (Float.isNaN(labels[i])) {
                    continue;
                }
                double s = windows.get(i).startMs() / 1000.0;
                double e = s + windowMs / 1000.0;
                start = Double.isNaN(start) ? s : Math.min(start, s);
                end = Double.isNaN(end) ? e : Math.max(end, e);
                if (labels[i] > 0.5 && open != null && Math.abs(open.end() - s) < 1e-6) {
                    open = new Segment(vodId, open.start(), e);
                } else {
                    if (open != null) {
                        highlights.add(open);
                    }
                    open = labels[i] > 0.5 ? new Segment(vodId, s, e) : null;
                }
            }
            if (open != null) {
                highlights.add(open);
            }
            return new LabelledVod(vodId, Double.isNaN(start) ? 0 : start, Double.isNaN(end) ? 0 : end, highlights);
        }
    }

    private ModelEvaluation() {
    }

    /** The model's segments of one VOD at its own decision point. */
    public static List<Segment> segments(HighlightModel model, String vod, List<WindowFeatures> windows, long windowMs) {
        return segments(model.version(), vod, model.predict(new WindowBatch(vod, windows, List.of())), windowMs,
                SegmentPolicy.DEFAULT.at(model.threshold(), model.peakThreshold()));
    }

    private static List<Segment> segments(String version, String vod, List<ScoredWindow> scored, long windowMs, SegmentPolicy policy) {
        return new Segmenter(policy).process(new VodScores(vod, version, windowMs, scored, List.of())).highlights().stream()
                .map((Highlight h) -> new Segment(vod, h.startSeconds(), h.endSeconds(), h.score())).toList();
    }

    /** Runs the model once over the VODs; thresholds and metrics are then computed from these scores. */
    public static Scores score(HighlightModel model, List<Labelled> vods) {
        List<List<ScoredWindow>> scored = new ArrayList<>(vods.size());
        for (Labelled v : vods) {
            scored.add(model.predict(new WindowBatch(v.vodId(), v.windows(), List.of())));
        }
        return new Scores(model.version(), vods, scored);
    }

    /** A model's window probabilities on labelled VODs. */
    public record Scores(String version, List<Labelled> vods, List<List<ScoredWindow>> scored) {

        /** The segments of every VOD at this decision point. */
        public List<Segment> segments(double threshold, double peakThreshold) {
            SegmentPolicy policy = SegmentPolicy.DEFAULT.at(threshold, peakThreshold);
            List<Segment> predicted = new ArrayList<>();
            for (int i = 0; i < vods.size(); i++) {
                Labelled v = vods.get(i);
                predicted.addAll(ModelEvaluation.segments(version, v.vodId(), scored.get(i), v.windowMs(), policy));
            }
            return predicted;
        }

        /** The segments at this decision point, scored against the labels. */
        public HighlightEvaluator.Result evaluate(double threshold, double peakThreshold) {
            return HighlightEvaluator.evaluate(vods.stream().map(Labelled::truth).toList(), segments(threshold, peakThreshold));
        }

        public HighlightEvaluator.Result evaluate(HighlightModel model) {
            return evaluate(model.threshold(), model.peakThreshold());
        }

        /** These scores and another model's on other VODs, as one set. */
        public Scores plus(Scores other) {
            List<Labelled> v = new ArrayList<>(vods);
            v.addAll(other.vods);
            List<List<ScoredWindow>> s = new ArrayList<>(scored);
            s.addAll(other.scored);
            return new Scores(version, v, s);
        }

        /** Area under the ROC curve of the window probabilities against the window labels. */
        public double auc() {
            List<double[]> pairs = new ArrayList<>();
            for (int v = 0; v < vods.size(); v++) {
                float[] labels = vods.get(v).labels();
                List<ScoredWindow> s = scored.get(v);
                for (int i = 0; i < s.size(); i++) {
                    if (!Float.isNaN(labels[i])) {
                        pairs.add(new double[] {s.get(i).probability(), labels[i]});
                    }
                }
            }
            double[][] sorted = pairs.toArray(new double[0][]);
            Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
            double rankSum = 0;
            long positives = 0;
            int i = 0;
            while (i < sorted.length) {
                int j = i;
                while (j < sorted.length && sorted[j][0] == sorted[i][0]) {
                    j++;
                }
                double rank = (i + 1 + j) / 2.0; // ties share their average rank
                for (int k = i; k < j; k++) {
                    if (sorted[k][1] > 0.5) {
                        rankSum += rank;
                        positives++;
                    }
                }
                i = j;
            }
            long negatives = sorted.length - positives;
            return positives == 0 || negatives == 0 ? 0.5 : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        }
    }
}
