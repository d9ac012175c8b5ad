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
 * @param scope         the scope it was trained and evaluated for (its labelled VODs, its champion); files
 *                      that predate scopes read as {@value ModelRegistry#DEFAULT_SCOPE}
 */
public record ModelMetrics(String version, double threshold, Double peakThreshold, @JsonUnwrapped Figures figures,
                           Champion champion, boolean promoted, List<String> trainVods, List<String> testVods,
                           List<String> features, Vocabulary vocabulary, String scope) {

    public ModelMetrics {
        scope = scope != null ? scope : ModelRegistry.DEFAULT_SCOPE;
        peakThreshold = peakThreshold != null ? peakThreshold : threshold;
        figures = figures != null ? figures : new Figures(0, 0, 0, 0, 0, 0);
        trainVods = trainVods != null ? List.copyOf(trainVods) : List.of();
        testVods = testVods != null ? List.copyOf(testVods) : List.of();
        features = features != null ? List.copyOf(features) : List.of();
    }

    /** A version of scope {@value ModelRegistry#DEFAULT_SCOPE}, as every version was before scopes. */
    public ModelMetrics(String version, double threshold, Double peakThreshold, Figures figures, Champion champion, boolean promoted,
                        List<String> trainVods, List<String> testVods, List<String> features, Vocabulary vocabulary) {
        this(version, threshold, peakThreshold, figures, champion, promoted, trainVods, testVods, features, vocabulary, null);
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
