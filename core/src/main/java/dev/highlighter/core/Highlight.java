package dev.highlighter.core;

import java.util.List;

/**
 * A highlight segment of a VOD, as one model version found it.
 *
 * @param score       how strongly it stands out, to rank highlights within and across VODs: the
 *                    model's log-odds above its threshold summed over the segment's windows (times
 *                    the window length in seconds); 0 up, unbounded, not a probability
 * @param rank        1 for the VOD's highest score
 * @param topFeatures the features that contributed most to the score, strongest first
 * @param signals     which signal families the score used (chat, media)
 */
public record Highlight(String vodId, String modelVersion, long startMs, long endMs, double score, int rank,
                       List<String> topFeatures, List<String> signals) {

    public Highlight {
        if (endMs <= startMs) {
            throw new IllegalArgumentException("highlight of " + vodId + " ends (" + endMs + ") before it starts (" + startMs + ")");
        }
        topFeatures = List.copyOf(topFeatures);
        signals = List.copyOf(signals);
    }

    public double startSeconds() {
        return startMs / 1000.0;
    }

    public double endSeconds() {
        return endMs / 1000.0;
    }
}
