package dev.highlighter.processors.evaluation;

import java.util.List;

/** The labels of one VOD: the span that was labelled and the highlights inside it. */
public record LabelledVod(String vodId, double spanStart, double spanEnd, List<Segment> highlights) {

    public LabelledVod {
        highlights = List.copyOf(highlights);
    }
}
