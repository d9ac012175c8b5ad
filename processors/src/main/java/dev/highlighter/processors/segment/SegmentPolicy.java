package dev.highlighter.processors.segment;

/**
 * How windows become highlight segments.
 *
 * @param threshold   a window is a highlight candidate from this probability up
 * @param topK        keep at most this many segments per VOD, best first (0: no limit)
 * @param mergeGapMs  candidates this close are one segment
 * @param preRollMs   padding before a segment, so a clip starts before the action
 * @param minLengthMs shorter segments are extended to this length
 * @param maxLengthMs longer segments are cut to this length around their peak
 * @param peakThreshold a segment is kept only if one of its windows reaches this (at least the threshold)
 */
public record SegmentPolicy(double threshold, int topK, long mergeGapMs, long preRollMs, long minLengthMs, long maxLengthMs,
                            double peakThreshold) {

    /** Defaults tuned on the labelled LoL Worlds 2019 chat (see README, "Quality"). */
    public static final SegmentPolicy DEFAULT = new SegmentPolicy(0.5, 0, 5_000, 5_000, 15_000, 90_000);

    public SegmentPolicy(double threshold, int topK, long mergeGapMs, long preRollMs, long minLengthMs, long maxLengthMs) {
        this(threshold, topK, mergeGapMs, preRollMs, minLengthMs, maxLengthMs, threshold);
    }

    /** This policy at a model's decision point. */
    public SegmentPolicy at(double newThreshold, double newPeak) {
        return new SegmentPolicy(newThreshold, topK, mergeGapMs, preRollMs, minLengthMs, maxLengthMs, newPeak);
    }

    public SegmentPolicy {
        peakThreshold = Math.max(threshold, peakThreshold);
        if (threshold < 0 || threshold > 1 || peakThreshold > 1) {
            throw new IllegalArgumentException("segment thresholds must be within [0, 1], not " + threshold + " / " + peakThreshold);
        }
        if (topK < 0 || mergeGapMs < 0 || preRollMs < 0 || minLengthMs < 0) {
            throw new IllegalArgumentException("segment topK, gap, pre-roll and lengths must not be negative");
        }
        if (maxLengthMs < minLengthMs) {
            throw new IllegalArgumentException("segment max length " + maxLengthMs + " ms is below the min length " + minLengthMs + " ms");
        }
    }
}
