package dev.highlighter.core;

import java.util.List;

/** The model's output for one {@link WindowBatch}. */
public record ScoredBatch(String vodId, String modelVersion, List<ScoredWindow> windows) {

    public ScoredBatch {
        windows = List.copyOf(windows);
    }
}
