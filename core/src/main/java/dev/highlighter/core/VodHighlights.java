package dev.highlighter.core;

import java.util.List;

/** The complete set of highlights of one VOD under one model version: it replaces what was there. */
public record VodHighlights(String vodId, String modelVersion, List<Highlight> highlights, long durationMs) {

    public VodHighlights {
        highlights = List.copyOf(highlights);
    }
}
