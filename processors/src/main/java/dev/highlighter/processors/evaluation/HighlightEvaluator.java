package dev.highlighter.processors.evaluation;

import dev.highlighter.core.LabelledVod;

import dev.highlighter.core.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores predicted highlights against labels, as ../shared/data/README.md defines it:
 * per-second precision, recall and F1 inside each labelled span, micro-averaged over VODs; segment
 * precision (share of predicted segments that overlap a label) and segment recall (share of
 * labels that some prediction overlaps). A second counts for a segment when its middle is inside.
 */
public final class HighlightEvaluator {

    private HighlightEvaluator() {
    }

    public record Result(long truePositiveSeconds, long falsePositiveSeconds, long falseNegativeSeconds,
                         long predictedSegments, long predictedSegmentsHit, long labelSegments, long labelSegmentsHit,
                         int vods) {

        public double precision() {
            return ratio(truePositiveSeconds, truePositiveSeconds + falsePositiveSeconds);
        }

        public double recall() {
            return ratio(truePositiveSeconds, truePositiveSeconds + falseNegativeSeconds);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double segmentPrecision() {
            return ratio(predictedSegmentsHit, predictedSegments);
        }

        public double segmentRecall() {
            return ratio(labelSegmentsHit, labelSegments);
        }

        public Result plus(Result o) {
            return new Result(truePositiveSeconds + o.truePositiveSeconds, falsePositiveSeconds + o.falsePositiveSeconds,
                    falseNegativeSeconds + o.falseNegativeSeconds, predictedSegments + o.predictedSegments,
                    predictedSegmentsHit + o.predictedSegmentsHit, labelSegments + o.labelSegments,
                    labelSegmentsHit + o.labelSegmentsHit, vods + o.vods);
        }

        private static double ratio(long a, long b) {
            return b == 0 ? 0 : (double) a / b;
        }

        /** The closing line that scripts read: {@code F1 <f1> segP <p> segR <r> vods <n>}. */
        public String summaryLine() {
            return String.format(java.util.Locale.ROOT, "F1 %.3f segP %.3f segR %.3f vods %d", f1(), segmentPrecision(), segmentRecall(), vods);
        }
    }

    public static final Result EMPTY = new Result(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Each VOD's {@code k} best predictions by score, as a reel or a user's budget would read them
     * (ties, which scores should not have, go to the earlier segment). {@code k <= 0} keeps all.
     */
    public static List<Segment> topK(List<Segment> predictions, int k) {
        if (k <= 0) {
            return predictions;
        }
        Comparator<Segment> best = Comparator.comparingDouble((Segment s) -> Double.isNaN(s.score()) ? Double.NEGATIVE_INFINITY : s.score())
                .reversed().thenComparingDouble(Segment::start);
        List<Segment> out = new ArrayList<>();
        predictions.stream().collect(Collectors.groupingBy(Segment::vodId, LinkedHashMap::new, Collectors.toList()))
                .forEach((vod, segments) -> segments.stream().sorted(best).limit(k).forEach(out::add));
        return out;
    }

    /** Evaluates every labelled VOD; a VOD without predictions counts as all misses. */
    public static Result evaluate(List<LabelledVod> labels, List<Segment> predictions) {
        Map<String, List<Segment>> byVod = predictions.stream().collect(Collectors.groupingBy(Segment::vodId));
        Result total = EMPTY;
        for (LabelledVod vod : labels) {
            total = total.plus(evaluate(vod, byVod.getOrDefault(vod.vodId(), List.of())));
        }
        return total;
    }

    public static Result evaluate(LabelledVod vod, List<Segment> predicted) {
        List<Segment> inSpan = new ArrayList<>();
        for (Segment p : predicted) {
            if (p.overlaps(vod.spanStart(), vod.spanEnd())) {
                inSpan.add(p);
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (long s = (long) Math.floor(vod.spanStart()); s < vod.spanEnd(); s++) {
            double middle = s + 0.5;
            boolean label = vod.highlights().stream().anyMatch(l -> l.covers(middle));
            boolean guess = inSpan.stream().anyMatch(p -> p.covers(middle));
            if (label && guess) {
                tp++;
            } else if (guess) {
                fp++;
            } else if (label) {
                fn++;
            }
        }
        long hitPredictions = inSpan.stream()
                .filter(p -> vod.highlights().stream().anyMatch(l -> l.overlaps(p.start(), p.end()))).count();
        long hitLabels = vod.highlights().stream()
                .filter(l -> inSpan.stream().anyMatch(p -> p.overlaps(l.start(), l.end()))).count();
        return new Result(tp, fp, fn, inSpan.size(), hitPredictions, vod.highlights().size(), hitLabels, 1);
    }
}
