package dev.highlighter.core;

/**
 * One implicit (view, like, share, skip) or explicit (label) judgement of a stretch of a VOD.
 *
 * @param value watch-through share for a view (0..1), 1 for likes, shares and skips by default,
 *              1 or 0 for a label
 */
public record FeedbackEvent(String vodId, double startS, double endS, String kind, double value) {
}
