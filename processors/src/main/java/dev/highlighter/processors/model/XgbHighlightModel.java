package dev.highlighter.processors.model;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model: gradient-boosted trees (XGBoost) over {@link FeatureLayout}. Each prediction
 * also gets its SHAP contributions per column, summed per signal, so a highlight can name what
 * drove it as rule-v0 does.
 */
public class XgbHighlightModel implements HighlightModel {

    private final String version;
    private final Booster booster;
    private final double threshold;

    /** @param threshold the decision point chosen on the training VODs */
    public XgbHighlightModel(String version, Booster booster, double threshold) {
        this.version = version;
        this.booster = booster;
        this.threshold = threshold;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int lookahead() {
        return FeatureLayout.AHEAD;
    }

    public Booster booster() {
        return booster;
    }

    @Override
    public List<ScoredWindow> predict(WindowBatch batch) {
        List<WindowFeatures> all = new ArrayList<>(batch.windows());
        all.addAll(batch.lookahead());
        int n = batch.windows().size();
        int width = FeatureLayout.width();
        float[] rows = new float[n * width];
        FeatureLayout.rows(all, 0, n, rows);
        float[][] p;
        float[][] contributions;
        try {
            DMatrix m = new DMatrix(rows, n, width, Float.NaN);
            try {
                p = booster.predict(m);
                contributions = booster.predictContrib(m, 0);
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("model " + version + " cannot predict: " + e.getMessage(), e);
        }
        int perSignal = width / FeatureLayout.SIGNALS.size();
        List<ScoredWindow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Double> why = new HashMap<>();
            for (int c = 0; c < width; c++) {
                why.merge(FeatureLayout.SIGNALS.get(c / perSignal), (double) contributions[i][c], Double::sum);
            }
            WindowFeatures w = batch.windows().get(i);
            out.add(new ScoredWindow(w.vodId(), w.startMs(), p[i][0], why));
        }
        return out;
    }
}
