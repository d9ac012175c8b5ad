package dev.highlighter.jobs.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.HighlightColumn;
import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.processors.model.XgbTrainer;
import dev.highlighter.readers.hbase.VodRowReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A champion per scope, end to end on the mini clusters with real LoL chat: two channels on one
 * date, {@code lolesports} with labels and {@code other} without. Retrain makes a champion for
 * {@code lolesports} and one for {@code default}; the next run scores {@code lolesports} with its
 * own and {@code other} with default's, and says so in the rows; no challenger touches a scope it
 * was not evaluated on.
 */
@HighlighterJobTest
class ScopesTest {

    static final LocalDate DATE = LocalDate.of(2019, 10, 14);
    /** The two smallest games that the hold-out (a hash of the id) keeps out of training, then four to train on. */
    static final List<String> LOLESPORTS = List.of("102844212428895431", "102844224147717245",
            "102844294667995333", "102844283023599703", "102844235751783874", "102844212431320277");
    static final List<String> HELD_OUT = LOLESPORTS.subList(0, 2);
    /** No test labels these. */
    static final List<String> OTHER = List.of("102844412705217835", "102844412716227901");

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ChampionModels champions;

    /** The registry is shared by the JVM's tests: start from none, leave none. */
    @BeforeEach
    @AfterEach
    void forgetModels() throws Exception {
        fs.delete(layout.models(), true);
    }

    @Test
    void eachScopeHasItsChampionAndAChannelWithoutLabelsUsesDefaults() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        for (String game : LOLESPORTS) {
            hdfs.put("lolesports", DATE, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        for (String game : OTHER) {
            hdfs.put("other", DATE, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        assertThat(runner.run("highlights", DATE, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        VodRowReader vods = new VodRowReader(connection);
        for (String game : all()) {
            assertThat(scoredBy(vods, game)).as("before any training").containsExactly(ModelRegistry.DEFAULT_SCOPE, RuleModelV0.VERSION);
        }

        ObjectNode labels = JsonMapper.builder().build().createObjectNode();
        JsonNode allLabels = JsonMapper.builder().build().readTree(SharedData.lolLabels().toFile());
        LOLESPORTS.forEach(g -> labels.set(g, allLabels.get(g)));
        Path labelsFile = new Path(layout.root(), "labels/lolesports.json");
        try (var out = fs.create(labelsFile, true)) {
            out.write(labels.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(runner.run("feedback", DATE, false, Map.of("labels", labelsFile.toString())).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // default's champion is a model trained on the opposite of the truth: what each scope's challenger must beat.
        // (Against rule-v0, challengers trained on these four games lost: F1 0.319 vs 0.367 on the two held out.)
        String contrary = "xgb-00000000-contrary";
        LabelledVods loader = new LabelledVods(connection, 5000);
        List<XgbTrainer.LabelledVod> flipped = new ArrayList<>();
        for (String game : LOLESPORTS.subList(2, 4)) {
            var v = loader.load(game);
            float[] opposite = v.labels().clone();
            for (int i = 0; i < opposite.length; i++) {
                opposite[i] = Float.isNaN(opposite[i]) ? Float.NaN : 1 - opposite[i];
            }
            flipped.add(new XgbTrainer.LabelledVod(game, v.windows(), opposite));
        }
        registry.write(contrary, ModelRegistry.MODEL_FILE, ModelLoader.toJson(XgbTrainer.train(contrary, flipped, 5000)));
        registry.promote(contrary, "test", "wrong on purpose");
        // a champion of a scope that has no labels here: no challenger of this retrain may replace it
        String bystander = "xgb-00000000-by-hand";
        registry.write(bystander, ModelRegistry.MODEL_FILE, "{}".getBytes(StandardCharsets.UTF_8));
        registry.promote("other", bystander, "test", "a scope with no labels");

        JobExecution retrain = runner.run("retrain", DATE, false, Map.of("lookbackDays", "0"));
        assertThat(retrain.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var context = step(retrain, "trainChallenger").getExecutionContext();
        assertThat(context.getString("scopes")).isEqualTo("default,lolesports");
        String byDefault = context.getString("version");
        String byLol = context.getString("lolesports.version");
        System.out.println("default: " + context.getString("verdict") + "\nlolesports: " + context.getString("lolesports.verdict"));

        ModelMetrics lol = registry.metrics(byLol);
        assertThat(lol.scope()).isEqualTo("lolesports");
        assertThat(lol.testVods()).containsExactlyInAnyOrderElementsOf(HELD_OUT);
        assertThat(lol.trainVods()).containsExactlyInAnyOrderElementsOf(LOLESPORTS.subList(2, 6));
        assertThat(lol.champion().version()).as("what scored lolesports when the retrain started: default's").isEqualTo(contrary);
        ModelMetrics def = registry.metrics(byDefault);
        assertThat(def.scope()).isEqualTo(ModelRegistry.DEFAULT_SCOPE);
        assertThat(def.champion().version()).isEqualTo(contrary);
        assertThat(lol.promoted()).isTrue();
        assertThat(def.promoted()).isTrue();
        assertThat(registry.champion("lolesports")).contains(byLol);
        assertThat(registry.champion()).contains(byDefault);
        assertThat(registry.champion("other")).as("not evaluated on other: left alone").contains(bystander);
        assertThat(registry.history("other")).hasSize(1);
        for (String scope : registry.scopes()) {
            for (ModelRegistry.Change c : registry.history(scope)) {
                if (c.by().startsWith("retrain")) {
                    assertThat(registry.metrics(c.version()).scope()).as("a retrain promotes only in the scope it evaluated").isEqualTo(scope);
                }
            }
        }

        // other has no champion of its own again: default's scores it
        assertThat(registry.rollback("other", "test")).isEqualTo(ModelRegistry.NONE);
        assertThat(runner.run("highlights", DATE, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (String game : LOLESPORTS) {
            assertThat(scoredBy(vods, game)).containsExactly("lolesports", byLol);
        }
        for (String game : OTHER) {
            assertThat(scoredBy(vods, game)).containsExactly(ModelRegistry.DEFAULT_SCOPE, byDefault);
        }
        assertThat(highlightScopes(LOLESPORTS.get(0), byLol)).isNotEmpty().containsOnly("lolesports");
        assertThat(highlightScopes(OTHER.get(0), byDefault)).isNotEmpty().containsOnly(ModelRegistry.DEFAULT_SCOPE);

        // default rolled back twice, past the contrary model to rule-v0: other uses rule-v0, lolesports keeps its own
        assertThat(registry.rollback("test")).isEqualTo(contrary);
        assertThat(registry.rollback("test")).isEqualTo(RuleModelV0.VERSION);
        assertThat(champions.forChannel("other")).satisfies(c -> {
            assertThat(c.scope()).isEqualTo(ModelRegistry.DEFAULT_SCOPE);
            assertThat(c.version()).isEqualTo(RuleModelV0.VERSION);
        });
        assertThat(champions.forChannel("lolesports").version()).isEqualTo(byLol);
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>(LOLESPORTS);
        out.addAll(OTHER);
        return out;
    }

    private static List<String> scoredBy(VodRowReader vods, String game) throws Exception {
        VodRow row = vods.read(game).orElseThrow();
        return List.of(row.modelScope().orElse("?"), row.modelVersion().orElse("?"));
    }

    /** The scope column of each of the VOD's highlights rows of a version. */
    private List<String> highlightScopes(String vod, String version) throws Exception {
        List<String> out = new ArrayList<>();
        try (Table t = connection.getTable(HBaseSchema.HIGHLIGHTS);
             ResultScanner s = t.getScanner(new Scan().setRowPrefixFilter(HBaseSchema.highlightPrefix(vod, version)))) {
            for (Result r : s) {
                out.add(Bytes.toString(r.getValue(HBaseSchema.DATA, HighlightColumn.MODEL_SCOPE.bytes())));
            }
        }
        return out;
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
