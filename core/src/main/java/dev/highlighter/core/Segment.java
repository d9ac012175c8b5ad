package dev.highlighter.core;

/** A time span of one VOD in seconds, predicted or labelled. */
public record Segment(String vodId, double start, double end) {

    public boolean overlaps(double otherStart, double otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean covers(double second) {
        return second >= start && second < end;
    }
}
