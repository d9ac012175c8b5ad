package dev.highlighter.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Champions per scope on Hadoop's local FileSystem: a registry from before scopes is scope default, and scopes never touch each other. */
class ModelRegistryScopesTest {

    @TempDir
    Path dir;

    ModelRegistry registry;

    @BeforeEach
    void registry() throws IOException {
        registry = new ModelRegistry(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
        for (String v : new String[] {"xgb-1", "xgb-2", "xgb-3"}) {
            registry.write(v, ModelRegistry.MODEL_FILE, "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRegistryWrittenBeforeScopesIsScopeDefault() throws IOException {
        // the files as the registry wrote them before scopes: CHAMPION and its log at the top
        Files.writeString(dir.resolve("CHAMPION"), "xgb-2");
        Files.writeString(dir.resolve("CHAMPION.log"), "2026-01-01T00:00:00Z\tpromote\txgb-1\tretrain\tF1 0.5\n"
                + "2026-01-02T00:00:00Z\tpromote\txgb-2\tretrain\tF1 0.6\n");

        assertThat(registry.scopes()).containsExactly(ModelRegistry.DEFAULT_SCOPE);
        assertThat(registry.champion(ModelRegistry.DEFAULT_SCOPE)).contains("xgb-2");
        assertThat(registry.champion()).contains("xgb-2");
        assertThat(registry.history(ModelRegistry.DEFAULT_SCOPE)).hasSize(2);
        assertThat(registry.rollback("ops")).isEqualTo("xgb-1");
        assertThat(Files.readString(dir.resolve("CHAMPION"))).isEqualTo("xgb-1");
        assertThat(registry.versions()).containsExactly("xgb-1", "xgb-2", "xgb-3");
    }

    @Test
    void aScopesChampionIsItsOwn() throws IOException {
        registry.promote("xgb-1", "retrain", "beats rule-v0");
        registry.promote("lolesports", "xgb-2", "retrain", "beats xgb-1 on lolesports");

        assertThat(registry.scopes()).containsExactly(ModelRegistry.DEFAULT_SCOPE, "lolesports");
        assertThat(registry.champion()).contains("xgb-1");
        assertThat(registry.champion("lolesports")).contains("xgb-2");
        assertThat(registry.champion("other")).isEmpty();
        assertThat(registry.history()).extracting(ModelRegistry.Change::version).containsExactly("xgb-1");
        assertThat(registry.versions()).as("a scope's folder is not a version").containsExactly("xgb-1", "xgb-2", "xgb-3");

        registry.promote("lolesports", "xgb-3", "ops", "by hand");
        assertThat(registry.rollback("lolesports", "ops")).isEqualTo("xgb-2");
        // rolled back past its first champion, the scope has none again and uses default's
        assertThat(registry.rollback("lolesports", "ops")).isEqualTo(ModelRegistry.NONE);
        assertThat(registry.champion("lolesports")).isEmpty();
        assertThat(registry.champion()).contains("xgb-1");
        assertThat(registry.scopes()).as("still listed: it has a history").contains("lolesports");
        // default rolled back past its first is rule-v0
        assertThat(registry.rollback("ops")).isEqualTo("rule-v0");
        assertThat(registry.champion()).isEmpty();
    }

    @Test
    void aScopeIsOnePathElement() {
        assertThatThrownBy(() -> registry.champion("../x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../x'");
        assertThatThrownBy(() -> registry.promote("a b", "xgb-1", "ops", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.promote("lolesports", "xgb-9", "ops", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model version 'xgb-9'");
        assertThatThrownBy(() -> registry.rollback("lolesports", "ops")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scope lolesports has no champion");
    }
}
