package dev.highlighter.processors.segment;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.VodScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Merges a VOD's scored windows into highlight segments: candidates above the threshold, merged
 * when close, kept when their peak reaches the peak threshold, padded with pre-roll, held between
 * the minimum and maximum length, ranked by their score (the log-odds above the threshold, summed
 * over the segment). Each segment keeps the features that drove it.
 */
public class Segmenter implements ItemProcessor<VodScores, VodHighlights> {

    /** How many contributing features a highlight names. */
    static final int TOP_FEATURES = 3;

    private final SegmentPolicy policy;

    public Segmenter(SegmentPolicy policy) {
        this.policy = policy;
    }

    @Override
    public VodHighlights process(VodScores scores) {
        List<ScoredWindow> windows = scores.windows();
        long duration = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).startMs() + scores.windowMs();
        List<Run> runs = new ArrayList<>();
        Run current = null;
        for (ScoredWindow w : windows) {
            if (w.probability() < policy.threshold()) {
                continue;
            }
            if (current != null && w.startMs() - current.endMs <= policy.mergeGapMs()) {
                current.add(w, scores.windowMs());
            } else {
                current = new Run(w, scores.windowMs());
                runs.add(current);
            }
        }
        // a lone window that barely passes is more often noise than a moment
        runs.removeIf(r -> r.peak.probability() < policy.peakThreshold());
        double floor = ScoredWindow.logit(policy.threshold());
        double seconds = scores.windowMs() / 1000.0;
        runs.forEach(r -> r.score = r.area(floor, seconds));
        runs.sort(Comparator.comparingDouble((Run r) -> r.score).reversed().thenComparingLong(r -> r.startMs));
        if (policy.topK() > 0 && runs.size() > policy.topK()) {
            runs = new ArrayList<>(runs.subList(0, policy.topK()));
        }
        List<Highlight> highlights = new ArrayList<>(runs.size());
        int rank = 1;
        for (Run run : runs) {
            long[] span = bounds(run, duration, scores.windowMs());
            highlights.add(new Highlight(scores.vodId(), scores.modelVersion(), span[0], span[1], run.score,
                    rank++, run.topFeatures(), scores.signals()));
        }
        return new VodHighlights(scores.vodId(), scores.modelVersion(), highlights, duration);
    }

    private long[] bounds(Run run, long duration, long windowMs) {
        long start = run.startMs;
        long end = run.endMs;
        if (end - start > policy.maxLengthMs()) {
            // keep the stretch around the peak, which is what the clip is for
            long centre = run.peak.startMs() + windowMs / 2;
            start = Math.max(run.startMs, centre - policy.maxLengthMs() / 2);
            end = Math.min(run.endMs, start + policy.maxLengthMs());
            start = end - policy.maxLengthMs();
        }
        start = Math.max(0, start - policy.preRollMs());
        if (end - start < policy.minLengthMs()) {
            end = start + policy.minLengthMs();
        }
        if (duration > 0 && end > duration) {
            end = Math.max(duration, start + 1);
        }
        return new long[] {start, end};
    }

    private static final class Run {
        final long startMs;
        long endMs;
        ScoredWindow peak;
        double score;
        final List<Double> margins = new ArrayList<>();
        final Map<String, Double> contributions = new HashMap<>();

        Run(ScoredWindow first, long windowMs) {
            startMs = first.startMs();
            endMs = first.startMs() + windowMs;
            peak = first;
            margins.add(first.margin());
            first.contributions().forEach((k, v) -> contributions.merge(k, v, Double::sum));
        }

        void add(ScoredWindow w, long windowMs) {
            endMs = w.startMs() + windowMs;
            if (w.probability() > peak.probability()) {
                peak = w;
            }
            margins.add(w.margin());
            w.contributions().forEach((k, v) -> contributions.merge(k, v, Double::sum));
        }

        /**
         * The segment's score: the model's log-odds above the threshold, summed over its windows
         * (times the window length in seconds). It ranks where the probability saturates (rule-v0
         * gave 1.000 to many segments), a strong and lasting reaction beats a blip, and it does not
         * tie. On the LoL folds it ranked as well as or better than the peak probability at K = 1
         * to 10 per VOD, and better than the mean or peak log-odds.
         */
        double area(double floor, double seconds) {
            double area = 0;
            for (double m : margins) {
                area += Math.max(0, m - floor) * seconds;
            }
            return area;
        }

        List<String> topFeatures() {
            return contributions.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(TOP_FEATURES)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }
}
