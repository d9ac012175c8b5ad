package dev.highlighter.processors.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A model file is XGBoost's own JSON; what the trees alone do not say (the feature layout, the
 * window length, the token vocabulary, the decision point) travels in the booster's attributes,
 * so the file alone is the model, in Java or in Python ({@code Booster.attr("threshold")}).
 */
public final class ModelLoader {

    static final String LAYOUT = "feature_layout";
    static final String WINDOW_MS = "window_ms";
    static final String THRESHOLD = "threshold";
    static final String PEAK_THRESHOLD = "peak_threshold";
    static final String VOCABULARY = "token_vocabulary";
    /** Feature groups left out in training, comma-separated; absent for a model of the whole layout. */
    static final String WITHOUT = "without_groups";

    private ModelLoader() {
    }

    /** Turns a stored model file back into a model, or says clearly why it cannot. */
    public static XgbHighlightModel xgboost(String version, byte[] modelJson) {
        Booster booster;
        try {
            booster = XGBoost.loadModel(new ByteArrayInputStream(modelJson));
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalStateException("model " + version + " is unreadable (" + modelJson.length + " bytes): " + e.getMessage(), e);
        }
        try {
            Map<String, String> attrs = booster.getAttrs();
            String layout = attrs.get(LAYOUT);
            if (!FeatureLayout.VERSION.equals(layout)) {
                throw new IllegalStateException("model " + version + " was trained on feature layout " + layout + ", this build computes "
                        + FeatureLayout.VERSION + "; retrain it");
            }
            return new XgbHighlightModel(version, booster, TokenVocabulary.parse(attrs.getOrDefault(VOCABULARY, "")),
                    Long.parseLong(required(attrs, WINDOW_MS, version)), Double.parseDouble(required(attrs, THRESHOLD, version)),
                    Double.parseDouble(required(attrs, PEAK_THRESHOLD, version)), without(attrs.get(WITHOUT)));
        } catch (XGBoostError | NumberFormatException e) {
            throw new IllegalStateException("model " + version + " has unreadable attributes: " + e.getMessage(), e);
        }
    }

    private static java.util.Set<String> without(String groups) {
        return groups == null || groups.isBlank() ? java.util.Set.of() : java.util.Set.of(groups.split(","));
    }

    private static String required(Map<String, String> attrs, String key, String version) {
        String v = attrs.get(key);
        if (v == null) {
            throw new IllegalStateException("model " + version + " lacks its '" + key + "' attribute");
        }
        return v;
    }

    public static byte[] toJson(XgbHighlightModel model) {
        try (var out = new java.io.ByteArrayOutputStream()) {
            Booster b = model.booster();
            b.setAttr(LAYOUT, FeatureLayout.VERSION);
            b.setAttr(WINDOW_MS, Long.toString(model.windowMs()));
            b.setAttr(THRESHOLD, String.format(Locale.ROOT, "%.4f", model.threshold()));
            b.setAttr(PEAK_THRESHOLD, String.format(Locale.ROOT, "%.4f", model.peakThreshold()));
            b.setAttr(VOCABULARY, model.vocabulary().serialise());
            if (!model.without().isEmpty()) {
                b.setAttr(WITHOUT, String.join(",", new java.util.TreeSet<>(model.without())));
            }
            b.saveModel(out, "json");
            return out.toByteArray();
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot save model " + model.version() + ": " + e.getMessage(), e);
        }
    }
}
