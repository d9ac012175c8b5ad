package dev.highlighter.core;

import java.util.List;

/**
 * Consecutive windows of one VOD, in time order, plus the windows that follow the last of them:
 * chat reacts 5 to 20 s after an event, so a model must see what comes after each window.
 */
public record WindowBatch(String vodId, List<WindowFeatures> windows, List<WindowFeatures> lookahead) {

    public WindowBatch {
        windows = List.copyOf(windows);
        lookahead = List.copyOf(lookahead);
    }

    /** Window {@code i} of the batch followed by up to {@code count} later windows. */
    public List<WindowFeatures> withFollowing(int i, int count) {
        List<WindowFeatures> out = new java.util.ArrayList<>(count + 1);
        for (int k = i; k <= i + count; k++) {
            if (k < windows.size()) {
                out.add(windows.get(k));
            } else if (k - windows.size() < lookahead.size()) {
                out.add(lookahead.get(k - windows.size()));
            }
        }
        return out;
    }
}
