package dev.highlighter.core;

import java.util.Map;

/**
 * A window with the model's highlight probability and each feature's share of that score,
 * so a segment can say what drove it.
 */
public record ScoredWindow(String vodId, long startMs, double probability, Map<String, Double> contributions) {

    public ScoredWindow {
        contributions = Map.copyOf(contributions);
    }
}
