package dev.highlighter.processors.model;

import dev.highlighter.core.LabelledVod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model file is the model: it loads back the same in Java, and in XGBoost's Python package. */
class ModelFileTest {

    @TempDir
    Path dir;

    static XgbHighlightModel trained() {
        List<XgbTrainer.LabelledVod> vods = List.of(TokenVocabularyTest.vod("a", 200), TokenVocabularyTest.vod("b", 200));
        return XgbTrainer.train("xgb-test", vods, 5_000).withDecision(0.45, 0.6);
    }

    @Test
    void loadsBackWithItsVocabularyAndDecisionPoint() {
        XgbHighlightModel model = trained();
        XgbHighlightModel back = ModelLoader.xgboost("xgb-test", ModelLoader.toJson(model));
        assertThat(back.threshold()).isEqualTo(0.45);
        assertThat(back.peakThreshold()).isEqualTo(0.6);
        assertThat(back.windowMs()).isEqualTo(5_000);
        assertThat(back.vocabulary().top(1)).containsExactly("penta");
        List<WindowFeatures> windows = TokenVocabularyTest.vod("c", 60).windows();
        List<ScoredWindow> a = model.predict(new WindowBatch("c", windows, List.of()));
        List<ScoredWindow> b = back.predict(new WindowBatch("c", windows, List.of()));
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).probability()).isEqualTo(a.get(i).probability());
            assertThat(b.get(i).margin()).isEqualTo(a.get(i).margin());
            // the margin is the log-odds of the probability, not another score
            assertThat(1 / (1 + Math.exp(-a.get(i).margin()))).isCloseTo(a.get(i).probability(), org.assertj.core.data.Offset.offset(1e-6));
        }
        // the labelled pattern is learnable: highlights score above the rest
        assertThat(a.get(20).probability()).isGreaterThan(a.get(30).probability());
    }

    @Test
    void aModelOfAnotherFeatureLayoutIsRefusedByName() {
        String json = new String(ModelLoader.toJson(trained()), StandardCharsets.UTF_8)
                .replace("\"" + FeatureLayout.VERSION + "\"", "\"z-scores-v1\"");
        assertThatThrownBy(() -> ModelLoader.xgboost("xgb-old", json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("xgb-old").hasMessageContaining("z-scores-v1").hasMessageContaining("retrain");
        assertThatThrownBy(() -> ModelLoader.xgboost("xgb-cut", "{\"learner\": ".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("xgb-cut is unreadable");
    }

    /** What a data scientist would do: load model.json with the xgboost Python package and predict. */
    @Test
    void loadsInXgboostsPythonPackage() throws Exception {
        String python = RequiredTool.PYTHON_XGBOOST.require();
        XgbHighlightModel model = trained();
        Files.write(dir.resolve("model.json"), ModelLoader.toJson(model));
        List<WindowFeatures> windows = TokenVocabularyTest.vod("c", 60).windows();
        float[] rows = FeatureLayout.rows(windows, 5_000, model.vocabulary());
        int width = FeatureLayout.width();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                float v = rows[i * width + c];
                cells.add(Float.isNaN(v) ? "nan" : Float.toString(v));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        Files.writeString(dir.resolve("check.py"), """
                import sys, numpy, xgboost
                booster = xgboost.Booster(model_file=sys.argv[1] + '/model.json')
                rows = numpy.loadtxt(sys.argv[1] + '/rows.csv', delimiter=',', ndmin=2)
                m = xgboost.DMatrix(rows, missing=numpy.nan)
                p = booster.predict(m)
                margin = booster.predict(m, output_margin=True)
                print(booster.attr('feature_layout'), booster.attr('threshold'), len(booster.attr('token_vocabulary').splitlines()))
                print(' '.join('%.6f' % v for v in p))
                print(' '.join('%.6f' % v for v in margin))
                """);
        List<String> out = run(python, dir.resolve("check.py").toString(), dir.toString());
        assertThat(out.get(0)).isEqualTo(FeatureLayout.VERSION + " 0.4500 " + model.vocabulary().size());
        String[] fromPython = out.get(1).split(" ");
        List<ScoredWindow> fromJava = model.predict(new WindowBatch("c", windows, List.of()));
        assertThat(fromPython).hasSize(fromJava.size());
        String[] marginsFromPython = out.get(2).split(" ");
        for (int i = 0; i < fromPython.length; i++) {
            assertThat(Double.parseDouble(fromPython[i])).as("window %d", i).isCloseTo(fromJava.get(i).probability(),
                    org.assertj.core.data.Offset.offset(1e-5));
            // the margin that segment scores are built on is XGBoost's own, in Python as in Java
            assertThat(Double.parseDouble(marginsFromPython[i])).as("margin of window %d", i).isCloseTo(fromJava.get(i).margin(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command).toLowerCase(Locale.ROOT) + " failed: " + output);
        }
        return output.lines().toList();
    }
}
