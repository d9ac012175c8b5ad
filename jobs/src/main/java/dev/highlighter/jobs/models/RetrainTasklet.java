package dev.highlighter.jobs.models;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.processors.evaluation.DecisionTuning;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.FeatureLayout;
import dev.highlighter.processors.model.HighlightModel;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.WindowBatchReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains a challenger on the labelled windows of the lookback, holds out whole VODs (a VOD's
 * windows are correlated, so a split by window would flatter the model), compares it with the
 * current champion on those same VODs, and promotes it only if it wins. Either way the version
 * is kept in the registry with its metrics and provenance.
 */
public class RetrainTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RetrainTasklet.class);
    static final String LIBRARY = "ml.dmlc:xgboost4j_2.13:2.1.4";

    private final Connection connection;
    private final ModelRegistry registry;
    private final ChampionModels champions;
    private final LocalDate date;
    private final int lookbackDays;
    private final long windowMs;

    public RetrainTasklet(Connection connection, ModelRegistry registry, ChampionModels champions, LocalDate date, int lookbackDays,
                          long windowMs) {
        this.connection = connection;
        this.registry = registry;
        this.champions = champions;
        this.date = date;
        this.lookbackDays = lookbackDays;
        this.windowMs = windowMs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LocalDate from = date.minusDays(lookbackDays);
        List<ModelEvaluation.Labelled> train = new ArrayList<>();
        List<ModelEvaluation.Labelled> test = new ArrayList<>();
        for (String vod : new HighlightReader(connection).vodsBetween(from, date)) {
            ModelEvaluation.Labelled labelled = load(vod);
            if (labelled == null) {
                continue;
            }
            (VodValidation.holdOut(vod) ? test : train).add(labelled);
        }
        if (test.isEmpty() && train.size() > 1) {
            test.add(train.remove(train.size() - 1));
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalStateException("not enough labelled VODs between " + from + " and " + date + " to train and test: "
                    + train.size() + " for training, " + test.size() + " held out; run the feedback job with labels first");
        }
        String version = "xgb-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        XgbHighlightModel challenger = DecisionTuning.fit(version, train.stream()
                .map(v -> new XgbTrainer.LabelledVod(v.vodId(), v.windows(), v.labels())).toList(), windowMs);
        // each model scores each VOD once; metrics come from those scores
        ModelEvaluation.Scores challengerScores = ModelEvaluation.score(challenger, test);
        HighlightEvaluator.Result ours = challengerScores.evaluate(challenger);
        HighlightModel champion = champions.current();
        ModelEvaluation.Scores championScores = ModelEvaluation.score(champion, test);
        HighlightEvaluator.Result theirs = championScores.evaluate(champion);
        boolean promote = ours.f1() > theirs.f1();

        long execution = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("version", version);
        metrics.put("threshold", challenger.threshold());
        metrics.put("peakThreshold", challenger.peakThreshold());
        metrics.putAll(figures(ours, challengerScores.auc()));
        metrics.put("champion", Map.of("version", champion.version(), "figures", figures(theirs, championScores.auc())));
        metrics.put("promoted", promote);
        metrics.put("trainVods", train.stream().map(ModelEvaluation.Labelled::vodId).toList());
        metrics.put("testVods", test.stream().map(ModelEvaluation.Labelled::vodId).toList());
        metrics.put("features", FeatureLayout.columns());
        metrics.put("vocabulary", Map.of("tokens", challenger.vocabulary().size(), "strongest", challenger.vocabulary().top(20)));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("jobExecutionId", execution);
        provenance.put("dataFrom", from.toString());
        provenance.put("dataTo", date.toString());
        provenance.put("library", LIBRARY);
        provenance.put("format", "XGBoost JSON: xgboost.Booster(model_file='model.json') in Python");
        var json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();
        registry.write(version, ModelRegistry.MODEL_FILE, ModelLoader.toJson(challenger));
        registry.write(version, ModelRegistry.METRICS_FILE, json.writeValueAsBytes(metrics));
        registry.write(version, ModelRegistry.PROVENANCE_FILE, json.writeValueAsString(provenance).getBytes(StandardCharsets.UTF_8));

        String verdict = String.format(java.util.Locale.ROOT, "%s: F1 %.3f segP %.3f segR %.3f vs champion %s F1 %.3f on %d held-out VODs",
                version, ours.f1(), ours.segmentPrecision(), ours.segmentRecall(), champion.version(), theirs.f1(), test.size());
        if (promote) {
            registry.promote(version, "retrain job execution " + execution, verdict);
            log.info("Promoted {}", verdict);
        } else {
            log.warn("Kept but not promoted (it does not beat the champion) {}", verdict);
        }
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        context.putString("version", version);
        context.putString("promoted", String.valueOf(promote));
        context.putString("verdict", verdict);
        contribution.incrementWriteCount(1);
        return RepeatStatus.FINISHED;
    }

    private static Map<String, Object> figures(HighlightEvaluator.Result r, double auc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", r.precision());
        m.put("recall", r.recall());
        m.put("f1", r.f1());
        m.put("segmentPrecision", r.segmentPrecision());
        m.put("segmentRecall", r.segmentRecall());
        m.put("auc", auc);
        return m;
    }

    /** A VOD's windows (c, m, l) and labels, or null when none of its windows is labelled. */
    ModelEvaluation.Labelled load(String vod) throws Exception {
        WindowBatchReader reader = new WindowBatchReader(connection, vod, WindowBatchReader.WHOLE_VOD, 0,
                HBaseSchema.CHAT, HBaseSchema.TOKENS, HBaseSchema.MEDIA, HBaseSchema.LABELS);
        reader.open(new ExecutionContext());
        WindowBatch batch;
        try {
            batch = reader.read();
        } finally {
            reader.close();
        }
        if (batch == null) {
            return null;
        }
        List<WindowFeatures> windows = batch.windows();
        float[] labels = VodValidation.storedLabels(windows);
        for (float label : labels) {
            if (!Float.isNaN(label)) {
                return new ModelEvaluation.Labelled(vod, windows, labels, windowMs);
            }
        }
        return null;
    }
}
