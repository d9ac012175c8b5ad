package dev.highlighter.core;

/**
 * A time span of one VOD in seconds, predicted or labelled.
 *
 * @param score how strongly a prediction ranks (higher first); NaN for labels and unranked spans
 */
public record Segment(String vodId, double start, double end, double score) {

    public Segment(String vodId, double start, double end) {
        this(vodId, start, end, Double.NaN);
    }

    public boolean overlaps(double otherStart, double otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean covers(double second) {
        return second >= start && second < end;
    }
}
