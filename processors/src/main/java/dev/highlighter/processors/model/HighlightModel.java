package dev.highlighter.processors.model;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import java.util.List;

/**
 * Turns window features into highlight probabilities. Models score a batch at a time, so that a
 * trained model can vectorise, and see the windows that follow each window, because reactions
 * lag the event.
 */
public interface HighlightModel {

    /** Recorded with every prediction and highlight, e.g. {@code rule-v0}. */
    String version();

    /** How many following windows each prediction needs. */
    int lookahead();

    /** The probability from which a window is a highlight candidate for segmentation. */
    default double threshold() {
        return 0.5;
    }

    /** A segment is kept only if some window of it reaches this probability. */
    default double peakThreshold() {
        return threshold();
    }

    /** True when the model reads each window's chat tokens ({@code windows:t}), not just the features. */
    default boolean readsTokens() {
        return false;
    }

    /** True when {@link #predict} needs a whole VOD in one batch (its columns are scaled by VOD-wide means). */
    default boolean wholeVod() {
        return false;
    }

    /** One scored window per window of the batch, in the same order. */
    List<ScoredWindow> predict(WindowBatch batch);
}
