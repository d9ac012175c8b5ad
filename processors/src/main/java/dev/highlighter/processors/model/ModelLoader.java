package dev.highlighter.processors.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Turns a stored model file back into a model, or says clearly why it cannot. */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static XgbHighlightModel xgboost(String version, byte[] modelJson, double threshold) {
        try {
            return new XgbHighlightModel(version, XGBoost.loadModel(new ByteArrayInputStream(modelJson)), threshold);
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalStateException("model " + version + " is unreadable (" + modelJson.length + " bytes): " + e.getMessage(), e);
        }
    }

    public static byte[] toJson(XgbHighlightModel model) {
        try (var out = new java.io.ByteArrayOutputStream()) {
            model.booster().saveModel(out, "json");
            return out.toByteArray();
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot save model " + model.version() + ": " + e.getMessage(), e);
        }
    }
}
