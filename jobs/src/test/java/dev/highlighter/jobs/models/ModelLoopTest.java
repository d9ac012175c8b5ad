package dev.highlighter.jobs.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.readers.labels.LabelsJson;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The learning loop on real HDFS and HBase with real LoL chat and labels: score, ingest labels
 * and feedback, retrain, promote, score with the new champion; a worse challenger stays out,
 * rollback works, and a corrupt champion falls back to the last good one.
 */
@HighlighterJobTest
class ModelLoopTest {

    static final LocalDate DATE = LocalDate.of(2019, 10, 5);
    /** Eleven games whose labels are ingested, one known only from viewers' feedback; the other four are scored, then evaluated. */
    static final List<String> LABELLED = List.of("102844212428895431", "102844212430075086", "102844212431320277",
            "102844224147717245", "102844235747982779", "102844235751783874", "102844283023599703", "102844294667995333",
            "102844294674286796", "102844341906649746", "102844401151219358");
    static final String FEEDBACK_ONLY = "102844401153971877";
    static final List<String> UNLABELLED = List.of("102844412705217835", "102844412709346612", "102844412716227901",
            "102844412722519367");

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

    /** The registry is shared by the JVM's tests: leave no champion behind for the others. */
    @org.junit.jupiter.api.AfterEach
    void forgetModels() throws Exception {
        fs.delete(layout.models(), true);
    }

    @Test
    void labelsInABetterModelOutAndSafeguardsOnTheWay() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        List<String> all = new ArrayList<>(LABELLED);
        all.add(FEEDBACK_ONLY);
        all.addAll(UNLABELLED);
        for (String game : all) {
            hdfs.put("lol", DATE, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        assertThat(runner.run("highlights", DATE, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // feedback: explicit labels of eleven games, implicit events on another, one malformed line
        ObjectNode labels = JsonMapper.builder().build().createObjectNode();
        JsonNode allLabels = JsonMapper.builder().build().readTree(SharedData.lolLabels().toFile());
        LABELLED.forEach(g -> labels.set(g, allLabels.get(g)));
        Path labelsFile = new Path(layout.root(), "labels/eleven-games.json");
        try (var out = fs.create(labelsFile, true)) {
            out.write(labels.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (var out = fs.create(new Path(layout.feedback(DATE), "events.jsonl"), true)) {
            out.write(("""
                    {"vod_id": "102844401153971877", "start_s": 14000, "end_s": 14010, "kind": "share", "value": 1}
                    {"vod_id": "102844401153971877", "start_s": 14100, "end_s": 14110, "kind": "skip"}
                    {"vod_id": "102844401153971877", "start_s": "soon", "end_s": 5, "kind": "like"}
                    """).getBytes(StandardCharsets.UTF_8));
        }
        JobExecution feedback = runner.run("feedback", DATE, false, Map.of("labels", labelsFile.toString()));
        assertThat(feedback.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution events = step(feedback, "feedbackEvents");
        assertThat(events.getReadCount()).isEqualTo(2);
        assertThat(events.getReadSkipCount()).isEqualTo(1);
        assertThat(hdfs.read(layout.quarantineFile("feedback", DATE, "events", "feedback"))).contains("\"line\":3")
                .contains("start_s and end_s must be numbers");
        assertThat(label(FEEDBACK_ONLY, 14_000_000)).as("a share is a highlight").isEqualTo(1.0);
        assertThat(label(FEEDBACK_ONLY, 14_100_000)).as("a skip is not").isEqualTo(0.0);

        // retrain: a challenger with metrics and provenance, promoted only if it beats rule-v0
        JobExecution retrain = runner.run("retrain", DATE, false, Map.of("lookbackDays", "3"));
        assertThat(retrain.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String challenger = step(retrain, "trainChallenger").getExecutionContext().getString("version");
        ModelMetrics metrics = registry.metrics(challenger);
        assertThat(metrics.version()).isEqualTo(challenger);
        assertThat(metrics.testVods()).isNotEmpty().doesNotContainAnyElementsOf(metrics.trainVods());
        assertThat(metrics.trainVods()).isNotEmpty();
        assertThat(metrics.features()).hasSize(dev.highlighter.processors.model.FeatureLayout.width());
        assertThat(metrics.figures().auc()).isBetween(0.5, 1.0);
        assertThat(metrics.champion().version()).isEqualTo(RuleModelV0.VERSION);
        boolean wins = metrics.figures().f1() > metrics.champion().figures().f1();
        assertThat(metrics.promoted()).isEqualTo(wins);
        assertThat(registry.champion().isPresent()).isEqualTo(wins);
        assertThat(registry.read(new Path(registry.dir(challenger), ModelRegistry.PROVENANCE_FILE)))
                .contains("xgboost4j_2.13:2.1.4").contains("\"dataFrom\" : \"2019-10-02\"");

        // the games' channel is a scope with labels: trained too, on the same labels, so the same decision
        var trained = step(retrain, "trainChallenger").getExecutionContext();
        assertThat(trained.getString("scopes")).isEqualTo("default,lol");
        assertThat(registry.metrics(trained.getString("lol.version")).scope()).isEqualTo("lol");
        assertThat(trained.getString("lol.promoted")).isEqualTo(String.valueOf(wins));
        // this test follows default's champion: the channel's own goes, so default's scores the channel
        if (registry.champion("lol").isPresent()) {
            assertThat(registry.rollback("lol", "test")).isEqualTo(ModelRegistry.NONE);
        }

        // promote by hand, then the next run scores with it, next to rule-v0's predictions
        registry.promote(challenger, "test", "by hand");
        JobExecution scored = runner.run("highlights", DATE, true);
        assertThat(scored.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        HighlightReader reader = new HighlightReader(connection);
        VodRowReader vods = new VodRowReader(connection);
        // evaluated on the four games whose labels it never saw, against rule-v0 on the same run
        List<LabelledVod> truth = LabelsJson.readLabels(Files.newInputStream(SharedData.lolLabels()), "labels.json").stream()
                .filter(l -> UNLABELLED.contains(l.vodId())).toList();
        HighlightEvaluator.Result ours = HighlightEvaluator.evaluate(truth, segments(reader, challenger));
        HighlightEvaluator.Result rule = HighlightEvaluator.evaluate(truth, segments(reader, RuleModelV0.VERSION));
        System.out.println("Unseen games: " + challenger + " " + ours.summaryLine() + " | rule-v0 " + rule.summaryLine());
        // measured here: F1 0.522 segP 0.745 segR 0.691, rule-v0 0.420 / 0.465 / 0.647
        assertThat(ours.vods()).isEqualTo(4);
        assertThat(ours.f1()).isGreaterThan(rule.f1()).isGreaterThan(0.45);
        assertThat(ours.segmentPrecision()).isGreaterThan(rule.segmentPrecision());
        for (String game : UNLABELLED) {
            assertThat(vods.read(game).flatMap(VodRow::modelVersion)).contains(challenger);
            Result first = firstWindow(game);
            assertThat(first.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.probabilityQualifier(challenger))).isNotNull();
            assertThat(first.getValue(HBaseSchema.PREDICTIONS, PredictionCodec.probabilityQualifier(RuleModelV0.VERSION))).isNotNull();
        }

        // a worse challenger is kept but not promoted: against a champion that has seen the test VODs
        String oracle = "xgb-00000000-oracle";
        List<XgbTrainer.LabelledVod> everything = new ArrayList<>();
        LabelledVods loader = new LabelledVods(connection, 5000);
        for (String game : LABELLED) {
            var v = loader.load(game);
            everything.add(new XgbTrainer.LabelledVod(game, v.windows(), v.labels()));
        }
        XgbHighlightModel seen = XgbTrainer.train(oracle, everything, 5000);
        registry.write(oracle, ModelRegistry.MODEL_FILE, ModelLoader.toJson(seen));
        registry.write(oracle, ModelRegistry.METRICS_FILE, "{\"threshold\": 0.5}".getBytes(StandardCharsets.UTF_8));
        registry.promote(oracle, "test", "has seen every labelled VOD");
        JobExecution worse = runner.run("retrain", DATE, true, Map.of("lookbackDays", "3"));
        String loser = step(worse, "trainChallenger").getExecutionContext().getString("version");
        assertThat(step(worse, "trainChallenger").getExecutionContext().getString("promoted")).isEqualTo("false");
        assertThat(step(worse, "trainChallenger").getExecutionContext().getString("lol.promoted")).as("nor the channel's").isEqualTo("false");
        assertThat(registry.champion("lol")).isEmpty();
        assertThat(registry.champion()).contains(oracle);
        assertThat(registry.versions()).contains(loser);

        // rollback goes to the champion before
        registry.rollback("test");
        assertThat(registry.champion()).contains(challenger);
        assertThat(registry.history()).last().satisfies(c -> {
            assertThat(c.action()).isEqualTo("rollback");
            assertThat(c.by()).isEqualTo("test");
        });

        // a corrupt champion: inference falls back to the last good one, never to nothing
        registry.promote(oracle, "test", "again");
        registry.write(oracle, ModelRegistry.MODEL_FILE, "{ this is not a model".getBytes(StandardCharsets.UTF_8));
        JobExecution fallback = runner.run("highlights", DATE, true);
        assertThat(fallback.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(vods.read(UNLABELLED.get(0)).flatMap(VodRow::modelVersion)).contains(challenger);
    }

    private static List<Segment> segments(HighlightReader reader, String version) throws Exception {
        List<Segment> out = new ArrayList<>();
        for (String game : UNLABELLED) {
            reader.highlights(game, version).forEach(h -> out.add(new Segment(game, h.startSeconds(), h.endSeconds())));
        }
        return out;
    }

    private StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private Double label(String vod, long startMs) throws Exception {
        try (Table t = connection.getTable(HBaseSchema.WINDOWS)) {
            byte[] v = t.get(new Get(HBaseSchema.windowRow(vod, startMs))).getValue(HBaseSchema.LABELS, "label".getBytes(StandardCharsets.UTF_8));
            return v == null ? null : org.apache.hadoop.hbase.util.Bytes.toDouble(v);
        }
    }

    private Result firstWindow(String game) throws Exception {
        try (Table t = connection.getTable(HBaseSchema.WINDOWS);
             var s = t.getScanner(new org.apache.hadoop.hbase.client.Scan().setRowPrefixFilter(HBaseSchema.vodPrefix(game))
                     .addFamily(HBaseSchema.CHAT).addFamily(HBaseSchema.PREDICTIONS).setLimit(1))) {
            return s.next();
        }
    }
}
