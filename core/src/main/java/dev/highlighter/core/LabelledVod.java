package dev.highlighter.core;

import java.util.List;

/** The labels of one VOD: the span that was labelled and the highlights inside it. */
public record LabelledVod(String vodId, double spanStart, double spanEnd, List<Segment> highlights) {

    public LabelledVod {
        highlights = List.copyOf(highlights);
    }

    /**
     * The label of the window starting at {@code startMs}, judged by its middle: 1 inside a
     * highlight, 0 elsewhere in the span, NaN outside the labelled span.
     */
    public float windowLabel(long startMs, long windowMs) {
        double middle = (startMs + windowMs / 2.0) / 1000;
        if (middle < spanStart || middle >= spanEnd) {
            return Float.NaN;
        }
        return highlights.stream().anyMatch(h -> h.covers(middle)) ? 1 : 0;
    }
}
