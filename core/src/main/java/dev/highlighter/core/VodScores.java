package dev.highlighter.core;

import java.util.List;

/** Every scored window of one VOD under one model version, in time order. */
public record VodScores(String vodId, String modelVersion, long windowMs, List<ScoredWindow> windows, List<String> signals) {

    public VodScores {
        windows = List.copyOf(windows);
        signals = List.copyOf(signals);
    }
}
