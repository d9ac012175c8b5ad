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

        StringWriter out = new StringWriter();
        assertThat(cli(registry, out).execute()).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope            champion");
        assertThat(lines.get(1)).isEqualTo("default          xgb-20260101-000000");
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines.get(3)).isEqualTo("  version                    F1   segP   segR    AUC thresh/peak  held-out VODs  trained for      champion of");
        assertThat(lines.get(4)).isEqualTo("  rule-v0                     -      -      -      -  configured  (no training)  -                ");
        assertThat(lines.get(5)).isEqualTo("* xgb-20260101-000000     0.522  0.745  0.691  0.831   0.35/0.62  2              default          default");
        assertThat(lines.get(6)).as("written before scopes: trained for default")
                .isEqualTo("  xgb-20260102-000000     0.500  0.000  0.000  0.000   0.40/0.40  1              default          ");
        assertThat(lines.get(7)).startsWith("  xgb-20260103-000000    metrics unreadable: ").contains("xgb-20260103-000000/metrics.json");
        assertThat(lines.get(8)).contains("[default] promote xgb-20260101-000000 by test: by hand");
    }

    @Test
    void promoteAndRollbackTakeAScopeAndLeaveTheOthersAlone() throws Exception {
        ModelRegistry registry = new ModelRegistry(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
        ModelMetrics.Figures figures = new ModelMetrics.Figures(0.6, 0.5, 0.55, 0.7, 0.7, 0.8);
        for (String scope : List.of("default", "lolesports")) {
            String v = "xgb-20260101-000000" + (scope.equals("default") ? "" : "-" + scope);
            registry.write(v, ModelRegistry.MODEL_FILE, bytes("{}"));
            registry.writeMetrics(v, new ModelMetrics(v, 0.4, 0.6, figures, new ModelMetrics.Champion("rule-v0", figures), false,
                    List.of("a"), List.of("b"), List.of(), null, scope));
        }
        registry.promote("xgb-20260101-000000", "retrain", "beats rule-v0");

        StringWriter out = new StringWriter();
        assertThat(cli(registry, out).execute("promote", "xgb-20260101-000000-lolesports", "--scope", "lolesports", "--by", "ops")).isZero();
        assertThat(out.toString()).contains("champion of lolesports is now xgb-20260101-000000-lolesports");
        assertThat(registry.champion()).contains("xgb-20260101-000000");

        out.getBuffer().setLength(0);
        assertThat(cli(registry, out).execute()).isZero();
        assertThat(out.toString().lines().toList()).contains("default          xgb-20260101-000000",
                "lolesports       xgb-20260101-000000-lolesports",
                "* xgb-20260101-000000-lolesports  0.550  0.700  0.700  0.800   0.40/0.60  1              lolesports       lolesports",
                "* xgb-20260101-000000             0.550  0.700  0.700  0.800   0.40/0.60  1              default          default");

        out.getBuffer().setLength(0);
        assertThat(cli(registry, out).execute("rollback", "--scope", "lolesports", "--by", "ops")).isZero();
        assertThat(out.toString()).contains("champion of lolesports is now none");
        assertThat(registry.champion("lolesports")).isEmpty();
        assertThat(registry.champion()).contains("xgb-20260101-000000");
        out.getBuffer().setLength(0);
        assertThat(cli(registry, out).execute()).isZero();
        assertThat(out.toString()).contains("lolesports       none (uses default's)");

        StringWriter err = new StringWriter();
        CommandLine bad = cli(registry, out);
        bad.setErr(new PrintWriter(err));
        bad.setExecutionExceptionHandler((e, c, p) -> ExitCodes.of(e));
        assertThat(bad.execute("rollback", "--scope", "lolesports")).as("nothing to roll back: usage").isEqualTo(ExitCodes.USAGE);
        assertThat(bad.execute("promote", "xgb-nope", "--scope", "lolesports")).isEqualTo(ExitCodes.USAGE);
    }

    /** The command with the registry given to it and to its subcommands, as Spring does. */
    private static CommandLine cli(ModelRegistry registry, StringWriter out) {
        CommandLine cli = new CommandLine(ModelsCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K k = CommandLine.defaultFactory().create(cls);
                for (var field : cls.getDeclaredFields()) {
                    if (field.getType() == ModelRegistry.class) {
                        field.setAccessible(true);
                        field.set(k, registry);
                    }
                }
                return k;
            }
        });
        cli.setOut(new PrintWriter(out));
        return cli;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
