package dev.highlighter.core.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A trained version's {@code metrics.json}: its decision point, its figures on the held-out VODs
 * next to the champion's on the same VODs, and what it was trained on. Written by the retrain job
 * and read by {@code models}, both through {@link ModelRegistry}. Files written before a field
 * existed still read: a missing number is 0, a missing list is empty, a missing object is null.
 *
 * @param peakThreshold a segment must peak at this probability; files that predate it use {@code threshold}
 * @param figures       the version's own figures, flat at the top of the file
 */
public record ModelMetrics(String version, double threshold, Double peakThreshold, @JsonUnwrapped Figures figures,
                           Champion champion, boolean promoted, List<String> trainVods, List<String> testVods,
                           List<String> features, Vocabulary vocabulary) {

    public ModelMetrics {
        peakThreshold = peakThreshold != null ? peakThreshold : threshold;
        figures = figures != null ? figures : new Figures(0, 0, 0, 0, 0, 0);
        trainVods = trainVods != null ? List.copyOf(trainVods) : List.of();
        testVods = testVods != null ? List.copyOf(testVods) : List.of();
        features = features != null ? List.copyOf(features) : List.of();
    }

    /** Per-second precision, recall, F1; segment precision and recall; window AUC. */
    public record Figures(double precision, double recall, double f1, double segmentPrecision, double segmentRecall, double auc) {
    }

    /** The champion at training time, scored on the same held-out VODs. */
    public record Champion(String version, Figures figures) {
    }

    /** How many chat tokens the model learned, and the strongest of them. */
    public record Vocabulary(int tokens, List<String> strongest) {
    }
}
