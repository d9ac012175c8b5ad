package dev.highlighter.processors.model;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model: gradient-boosted trees (XGBoost) over {@link FeatureLayout}, with the token
 * vocabulary it learned and the decision point chosen for it. Each prediction also gets its SHAP
 * contributions per column, summed per signal, so a highlight can name what drove it as rule-v0
 * does, and its margin (log-odds), which keeps ranking where the probability saturates.
 *
 * @param threshold     a window is a segment candidate from this probability
 * @param peakThreshold a segment is kept only if one of its windows reaches this
 * @param without       the feature groups it was trained without (an ablation; empty for a real model)
 */
public record XgbHighlightModel(String version, Booster booster, TokenVocabulary vocabulary, long windowMs, double threshold,
                                double peakThreshold, Set<String> without) implements HighlightModel {

    public XgbHighlightModel {
        without = Set.copyOf(without);
    }

    public XgbHighlightModel(String version, Booster booster, TokenVocabulary vocabulary, long windowMs, double threshold, double peakThreshold) {
        this(version, booster, vocabulary, windowMs, threshold, peakThreshold, Set.of());
    }

    /** The same trees and vocabulary at another decision point. */
    public XgbHighlightModel withDecision(double newThreshold, double newPeak) {
        return new XgbHighlightModel(version, booster, vocabulary, windowMs, newThreshold, newPeak, without);
    }

    @Override
    public int lookahead() {
        return 0;
    }

    @Override
    public boolean readsTokens() {
        return true;
    }

    @Override
    public boolean wholeVod() {
        return true;
    }

    @Override
    public List<ScoredWindow> predict(WindowBatch batch) {
        List<WindowFeatures> windows = batch.windows();
        int n = windows.size();
        if (n == 0) {
            return List.of();
        }
        int width = FeatureLayout.width(without);
        float[] rows = FeatureLayout.select(FeatureLayout.rows(windows, windowMs, vocabulary), n, without);
        float[][] p;
        float[][] margins;
        float[][] contributions;
        try {
            DMatrix m = new DMatrix(rows, n, width, Float.NaN);
            try {
                p = booster.predict(m);
                margins = booster.predict(m, true);
                contributions = booster.predictContrib(m, 0);
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("model " + version + " cannot predict: " + e.getMessage(), e);
        }
        List<String> signalOf = FeatureLayout.signalOfColumn(without);
        List<ScoredWindow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Double> why = new HashMap<>();
            for (int c = 0; c < width; c++) {
                why.merge(signalOf.get(c), (double) contributions[i][c], Double::sum);
            }
            WindowFeatures w = windows.get(i);
            out.add(new ScoredWindow(w.vodId(), w.startMs(), p[i][0], margins[i][0], why));
        }
        return out;
    }
}
