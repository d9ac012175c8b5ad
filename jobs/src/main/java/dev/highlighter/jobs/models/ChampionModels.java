package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.RuleModelV0;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model inference uses: the champion of the registry. A champion that cannot be read is
 * reported and skipped for the last good one before it, and so on down to rule-v0: inference
 * never runs without a model.
 */
public class ChampionModels {

    private static final Logger log = LoggerFactory.getLogger(ChampionModels.class);

    /** Job-context key of the model version a run uses. */
    public static final String PINNED = "model.version";

    private final ModelRegistry registry;
    private final RuleModelV0 rule;
    private final java.util.Map<String, HighlightModel> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param rule the model of last resort, with its configured threshold */
    public ChampionModels(ModelRegistry registry, RuleModelV0 rule) {
        this.registry = registry;
        this.rule = rule;
    }

    /** A version chosen earlier by {@link #current()}, loaded once per process. */
    public HighlightModel byVersion(String version) {
        if (version == null || version.equals(RuleModelV0.VERSION)) {
            return rule;
        }
        return loaded.computeIfAbsent(version, v -> {
            try {
                return ModelLoader.xgboost(v, registry.readBytes(v, ModelRegistry.MODEL_FILE));
            } catch (IOException e) {
                throw new IllegalStateException("model " + v + " is unreadable: " + e.getMessage(), e);
            }
        });
    }

    public HighlightModel current() {
        List<String> candidates = new ArrayList<>();
        try {
            registry.champion().ifPresent(candidates::add);
            List<ModelRegistry.Change> history = registry.history();
            for (int i = history.size() - 1; i >= 0; i--) {
                String v = history.get(i).version();
                if (!candidates.contains(v) && !v.equals(RuleModelV0.VERSION)) {
                    candidates.add(v);
                }
            }
        } catch (IOException e) {
            log.error("Cannot read the model registry: {}; using {}", e.getMessage(), RuleModelV0.VERSION);
        }
        for (int i = 0; i < candidates.size(); i++) {
            String version = candidates.get(i);
            try {
                HighlightModel model = ModelLoader.xgboost(version, registry.readBytes(version, ModelRegistry.MODEL_FILE));
                if (i > 0) {
                    log.warn("Inference uses {}, the last good champion before {}", version, candidates.get(0));
                }
                loaded.put(version, model);
                return model;
            } catch (IOException | RuntimeException e) {
                log.error("Champion model {} cannot be used: {}; falling back", version, e.getMessage());
            }
        }
        return rule;
    }
}
