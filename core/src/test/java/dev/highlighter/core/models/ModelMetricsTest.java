package dev.highlighter.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** metrics.json through {@link ModelRegistry}, on Hadoop's local FileSystem (the embedded default). */
class ModelMetricsTest {

    @TempDir
    Path dir;

    ModelRegistry registry;

    static final ModelMetrics.Figures OURS = new ModelMetrics.Figures(0.61, 0.52, 0.5616, 0.745, 0.691, 0.83);
    static final ModelMetrics.Figures THEIRS = new ModelMetrics.Figures(0.4, 0.44, 0.42, 0.465, 0.647, 0.7);
    static final ModelMetrics METRICS = new ModelMetrics("xgb-20260101-000000", 0.35, 0.6, OURS,
            new ModelMetrics.Champion("rule-v0", THEIRS), true, List.of("a", "b"), List.of("c"), List.of("chat_rate", "media_rms_db"),
            new ModelMetrics.Vocabulary(120, List.of("KEKW", "LUL")));

    @BeforeEach
    void registry() throws IOException {
        registry = new ModelRegistry(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
    }

    @Test
    void roundTrips() throws IOException {
        registry.writeMetrics(METRICS.version(), METRICS);
        assertThat(registry.metrics(METRICS.version())).isEqualTo(METRICS);
    }

    @Test
    void writesTheFileTheRetrainJobWroteAsAMap() throws IOException {
        // what RetrainTasklet wrote before metrics.json had a type, key for key and in that order
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("version", METRICS.version());
        old.put("threshold", 0.35);
        old.put("peakThreshold", 0.6);
        old.putAll(figures(OURS));
        old.put("champion", Map.of("version", "rule-v0", "figures", figures(THEIRS)));
        old.put("promoted", true);
        old.put("trainVods", List.of("a", "b"));
        old.put("testVods", List.of("c"));
        old.put("features", List.of("chat_rate", "media_rms_db"));
        old.put("vocabulary", Map.of("tokens", 120, "strongest", List.of("KEKW", "LUL")));
        byte[] before = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(old);
        // and now the scope it was trained for, at the end
        old.put("scope", "default");
        byte[] withScope = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(old);

        registry.writeMetrics(METRICS.version(), METRICS);
        byte[] now = registry.readBytes(METRICS.version(), ModelRegistry.METRICS_FILE);
        // the same tree (the old nested objects were Map.of, whose key order varies between JVMs)
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(now)).isEqualTo(json.readTree(withScope));
        assertThat(new String(now, StandardCharsets.UTF_8)).as("top-level keys in the old order")
                .containsSubsequence("\"version\"", "\"threshold\"", "\"peakThreshold\"", "\"precision\"", "\"auc\"", "\"champion\"",
                        "\"promoted\"", "\"trainVods\"", "\"testVods\"", "\"features\"", "\"vocabulary\"", "\"scope\"");

        // a file from before scopes reads as scope default
        registry.write("older", ModelRegistry.METRICS_FILE, before);
        assertThat(registry.metrics("older")).isEqualTo(METRICS);
        assertThat(registry.metrics("older").scope()).isEqualTo(ModelRegistry.DEFAULT_SCOPE);
    }

    @Test
    void aFileWithFewerFieldsStillReads() throws IOException {
        registry.write("sparse", ModelRegistry.METRICS_FILE, "{\"threshold\": 0.5}".getBytes(StandardCharsets.UTF_8));
        ModelMetrics m = registry.metrics("sparse");
        assertThat(m.threshold()).isEqualTo(0.5);
        assertThat(m.peakThreshold()).as("no peak threshold: the threshold").isEqualTo(0.5);
        assertThat(m.figures().f1()).isZero();
        assertThat(m.testVods()).isEmpty();
        assertThat(m.champion()).isNull();
    }

    @Test
    void aBrokenFileNamesItselfAndWhere() throws IOException {
        registry.write("broken", ModelRegistry.METRICS_FILE, "{\n  \"threshold\": \"high\"\n}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> registry.metrics("broken")).isInstanceOf(IOException.class)
                .hasMessageContaining("broken/metrics.json").hasMessageContaining("line 2");
    }

    private static Map<String, Object> figures(ModelMetrics.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", f.precision());
        m.put("recall", f.recall());
        m.put("f1", f.f1());
        m.put("segmentPrecision", f.segmentPrecision());
        m.put("segmentRecall", f.segmentRecall());
        m.put("auc", f.auc());
        return m;
    }
}
