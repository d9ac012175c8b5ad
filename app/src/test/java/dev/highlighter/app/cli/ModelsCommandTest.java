package dev.highlighter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code models} lists what the retrain job wrote, older metrics files and unreadable ones, on Hadoop's local FileSystem. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsEachVersionWithItsHeldOutFigures() throws Exception {
        ModelRegistry registry = new ModelRegistry(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
        ModelMetrics.Figures ours = new ModelMetrics.Figures(0.6, 0.5, 0.5217, 0.745, 0.691, 0.8312);
        registry.write("xgb-20260101-000000", ModelRegistry.MODEL_FILE, bytes("{}"));
        registry.writeMetrics("xgb-20260101-000000", new ModelMetrics("xgb-20260101-000000", 0.35, 0.62, ours,
                new ModelMetrics.Champion("rule-v0", ours), true, List.of("a"), List.of("b", "c"), List.of("chat_rate"), null));
        // written before the peak threshold existed
        registry.write("xgb-20260102-000000", ModelRegistry.MODEL_FILE, bytes("{}"));
        registry.write("xgb-20260102-000000", ModelRegistry.METRICS_FILE, bytes("{\"threshold\": 0.4, \"f1\": 0.5, \"testVods\": [\"a\"]}"));
        registry.write("xgb-20260103-000000", ModelRegistry.MODEL_FILE, bytes("{}"));
        registry.write("xgb-20260103-000000", ModelRegistry.METRICS_FILE, bytes("{ not json"));
        registry.promote("xgb-20260101-000000", "test", "by hand");

        ModelsCommand command = new ModelsCommand();
        command.registry = registry;
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute()).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("  version                    F1   segP   segR    AUC thresh/peak  held-out VODs");
        assertThat(lines.get(1)).isEqualTo("  rule-v0                     -      -      -      -  configured  (no training)");
        assertThat(lines.get(2)).isEqualTo("* xgb-20260101-000000     0.522  0.745  0.691  0.831   0.35/0.62  2");
        assertThat(lines.get(3)).isEqualTo("  xgb-20260102-000000     0.500  0.000  0.000  0.000   0.40/0.40  1");
        assertThat(lines.get(4)).startsWith("  xgb-20260103-000000    metrics unreadable: ").contains("xgb-20260103-000000/metrics.json");
        assertThat(lines.get(5)).contains("promote xgb-20260101-000000 by test: by hand");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
