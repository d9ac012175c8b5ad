package dev.highlighter.core;

import java.util.Map;

/**
 * A window with the model's highlight probability, its log-odds, and each feature's share of that
 * score, so a segment can say what drove it.
 *
 * @param margin the model's log-odds for the window, unbounded: the probability saturates at 1
 *               for strong moments, the margin keeps ranking them (segment scores are built on it)
 */
public record ScoredWindow(String vodId, long startMs, double probability, double margin, Map<String, Double> contributions) {

    public ScoredWindow {
        contributions = Map.copyOf(contributions);
    }

    /** A window known only by its probability (older stored predictions): the margin is its logit. */
    public ScoredWindow(String vodId, long startMs, double probability, Map<String, Double> contributions) {
        this(vodId, startMs, probability, logit(probability), contributions);
    }

    /** The log-odds of a probability, finite even at 0 and 1 (clamped one ulp inside). */
    public static double logit(double p) {
        double q = Math.min(Math.max(p, Double.MIN_NORMAL), Math.nextDown(1.0));
        return Math.log(q) - Math.log1p(-q);
    }
}
