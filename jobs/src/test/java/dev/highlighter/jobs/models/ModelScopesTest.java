package dev.highlighter.jobs.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.processors.model.RuleModelV0;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Which scope a channel is in and which model scores it, on a registry in a local folder (no cluster needed). */
class ModelScopesTest {

    @TempDir
    Path dir;

    @Test
    void aChannelIsInItsGroupElseItsOwnScope() {
        ModelScopes scopes = new ModelScopes(Map.of("worlds", List.of("lck", " lec")));
        assertThat(scopes.of("lck")).isEqualTo("worlds");
        assertThat(scopes.of("lec")).as("spaces around a comma are not part of the name").isEqualTo("worlds");
        assertThat(scopes.of("other")).isEqualTo("other");
    }

    @Test
    void groupsAreBoundFromTheProperties() {
        var source = new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                Map.of("highlighter.scopes.worlds", "lck,lec", "highlighter.scopes.dota", "dota-en"));
        HighlighterProperties props = new org.springframework.boot.context.properties.bind.Binder(source)
                .bindOrCreate("highlighter", HighlighterProperties.class);
        ModelScopes scopes = new ModelScopes(props.scopes());
        assertThat(scopes.of("lec")).isEqualTo("worlds");
        assertThat(scopes.of("dota-en")).isEqualTo("dota");
        assertThat(new org.springframework.boot.context.properties.bind.Binder().bindOrCreate("highlighter", HighlighterProperties.class)
                .scopes()).as("none configured").isEmpty();
    }

    @Test
    void aBadGroupFailsNamingTheProperty() {
        assertThatThrownBy(() -> new ModelScopes(Map.of("a", List.of("lck"), "b", List.of("lck"))))
                .hasMessageContaining("channel 'lck' is in two scope groups, highlighter.scopes.a and highlighter.scopes.b");
        assertThatThrownBy(() -> new ModelScopes(Map.of("default", List.of("lck")))).hasMessageContaining("highlighter.scopes.default");
        assertThatThrownBy(() -> new ModelScopes(Map.of("a/b", List.of("lck")))).hasMessageContaining("highlighter.scopes.a/b");
    }

    @Test
    void withoutAnyTrainedModelEveryChannelIsScoredByRuleV0InScopeDefault() throws Exception {
        ModelRegistry registry = new ModelRegistry(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
        ChampionModels champions = new ChampionModels(registry, new RuleModelV0(), new ModelScopes(Map.of("worlds", List.of("lck"))));
        assertThat(champions.forChannel("lck")).satisfies(c -> {
            assertThat(c.scope()).isEqualTo(ModelRegistry.DEFAULT_SCOPE);
            assertThat(c.version()).isEqualTo(RuleModelV0.VERSION);
        });

        // a group whose champion cannot be read falls back to default's model, and says so by its scope
        registry.write("xgb-broken", ModelRegistry.MODEL_FILE, "{ not a model".getBytes(StandardCharsets.UTF_8));
        registry.promote("worlds", "xgb-broken", "test", "broken on purpose");
        assertThat(champions.forChannel("lck").scope()).isEqualTo(ModelRegistry.DEFAULT_SCOPE);
        assertThat(champions.forChannel("lck").version()).isEqualTo(RuleModelV0.VERSION);

        // the run pins one model per channel; a restart keeps them even when the registry changed
        ExecutionContext job = new ExecutionContext();
        Map<String, PinnedModels.Pin> pins = PinnedModels.pin(job, champions, List.of("lck", "other", "lck"));
        assertThat(pins).containsOnlyKeys("lck", "other");
        assertThat(pins.get("other")).isEqualTo(new PinnedModels.Pin(ModelRegistry.DEFAULT_SCOPE, RuleModelV0.VERSION));
        assertThat(PinnedModels.pin(job, null, List.of("lck"))).isEqualTo(pins);
        String pinned = job.getString("model.scopes");
        assertThat(PinnedModels.of(pinned, "rule-v0", "lck")).isEqualTo(pins.get("lck"));
        // a run pinned before scopes had one version for every VOD
        assertThat(PinnedModels.of(null, "xgb-1", "lck")).isEqualTo(new PinnedModels.Pin(ModelRegistry.DEFAULT_SCOPE, "xgb-1"));
    }
}
