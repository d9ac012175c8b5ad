package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.RuleModelV0;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model inference uses for a scope: the scope's champion; a scope without one uses
 * {@value ModelRegistry#DEFAULT_SCOPE}'s, and {@value ModelRegistry#DEFAULT_SCOPE} without one uses
 * rule-v0. A champion that cannot be read is reported and skipped for the last good one before it
 * in its scope, and so on down to rule-v0: inference never runs without a model.
 */
public class ChampionModels {

    private static final Logger log = LoggerFactory.getLogger(ChampionModels.class);

    /** Job-context key of the model version a run uses for scope default (and, in runs from before scopes, for every VOD). */
    public static final String PINNED = "model.version";

    /** A scope's model: the scope whose champion it is (default when the asked scope has none) and the model. */
    public record Choice(String scope, HighlightModel model) {

        public String version() {
            return model.version();
        }
    }

    private final ModelRegistry registry;
    private final RuleModelV0 rule;
    private final ModelScopes scopes;
    private final Map<String, HighlightModel> loaded = new ConcurrentHashMap<>();

    /** @param rule the model of last resort, with its configured threshold */
    public ChampionModels(ModelRegistry registry, RuleModelV0 rule) {
        this(registry, rule, new ModelScopes(Map.of()));
    }

    /** @param scopes the configured groups of channels */
    public ChampionModels(ModelRegistry registry, RuleModelV0 rule, ModelScopes scopes) {
        this.registry = registry;
        this.rule = rule;
        this.scopes = scopes;
    }

    public ModelScopes scopes() {
        return scopes;
    }

    /** A version chosen earlier by {@link #current(String)}, loaded once per process. */
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

    /** The model of scope default. */
    public HighlightModel current() {
        return current(ModelRegistry.DEFAULT_SCOPE).model();
    }

    /** The model that scores a channel's VODs: that of its group, or its own, or default's. */
    public Choice forChannel(String channel) {
        return current(scopes.of(channel));
    }

    /** The scope's champion, else default's, else rule-v0. */
    public Choice current(String scope) {
        if (!ModelRegistry.DEFAULT_SCOPE.equals(scope)) {
            HighlightModel own = champion(scope);
            if (own != null) {
                return new Choice(scope, own);
            }
        }
        HighlightModel fallback = champion(ModelRegistry.DEFAULT_SCOPE);
        return new Choice(ModelRegistry.DEFAULT_SCOPE, fallback != null ? fallback : rule);
    }

    /** The scope's champion or the last good one before it; null when the scope has none. */
    private HighlightModel champion(String scope) {
        List<String> candidates = new ArrayList<>();
        try {
            var champion = registry.champion(scope);
            if (champion.isEmpty()) {
                return null; // no champion, or rolled back past the first: not the versions of its log
            }
            candidates.add(champion.get());
            List<String> lineage = registry.lineage(scope);
            for (int i = lineage.size() - 1; i >= 0; i--) {
                if (!candidates.contains(lineage.get(i))) {
                    candidates.add(lineage.get(i));
                }
            }
        } catch (IOException e) {
            log.error("Cannot read the model registry for scope {}: {}", scope, e.getMessage());
            return null;
        }
        for (int i = 0; i < candidates.size(); i++) {
            String version = candidates.get(i);
            try {
                HighlightModel model = ModelLoader.xgboost(version, registry.readBytes(version, ModelRegistry.MODEL_FILE));
                if (i > 0) {
                    log.warn("Scope {} uses {}, the last good champion before {}", scope, version, candidates.get(0));
                }
                loaded.put(version, model);
                return model;
            } catch (IOException | RuntimeException e) {
                log.error("Champion model {} of scope {} cannot be used: {}; falling back", version, scope, e.getMessage());
            }
        }
        return null;
    }
}
