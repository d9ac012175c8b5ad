package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.processors.evaluation.DecisionTuning;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.FeatureLayout;
import dev.highlighter.processors.model.ModelLoader;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One scope's challenger: trained on the scope's labelled VODs but its held-out ones (whole VODs:
 * a VOD's windows are correlated, so a split by window would flatter the model), compared with
 * the model that scored the scope when the retrain started on those same held-out VODs, kept in
 * the registry with its metrics and provenance either way, and promoted for this scope only if
 * it wins.
 */
class ScopeTraining {

    static final String LIBRARY = "ml.dmlc:xgboost4j_2.13:2.1.4";

    /** What happened to one scope; {@code version} is null when it had too few labelled VODs to train. */
    record Outcome(String scope, String version, boolean promoted, String verdict) {
    }

    private final ModelRegistry registry;
    private final long windowMs;
    private final long jobExecutionId;
    private final LocalDate from;
    private final LocalDate to;

    ScopeTraining(ModelRegistry registry, long windowMs, long jobExecutionId, LocalDate from, LocalDate to) {
        this.registry = registry;
        this.windowMs = windowMs;
        this.jobExecutionId = jobExecutionId;
        this.from = from;
        this.to = to;
    }

    /**
     * @param version  the challenger's name
     * @param vods     the scope's labelled VODs
     * @param champion what scored the scope's VODs when the retrain started: its own champion, else default's, else rule-v0
     */
    Outcome train(String scope, String version, List<ModelEvaluation.Labelled> vods, ChampionModels.Choice champion) throws Exception {
        List<ModelEvaluation.Labelled> train = new ArrayList<>();
        List<ModelEvaluation.Labelled> test = new ArrayList<>();
        for (ModelEvaluation.Labelled vod : vods) {
            (VodValidation.holdOut(vod.vodId()) ? test : train).add(vod);
        }
        if (test.isEmpty() && train.size() > 1) {
            test.add(train.remove(train.size() - 1));
        }
        if (train.isEmpty() || test.isEmpty()) {
            return new Outcome(scope, null, false, "not enough labelled VODs between " + from + " and " + to + " to train and test: "
                    + train.size() + " for training, " + test.size() + " held out");
        }
        XgbHighlightModel challenger = DecisionTuning.fit(version, train.stream()
                .map(v -> new XgbTrainer.LabelledVod(v.vodId(), v.windows(), v.labels())).toList(), windowMs);
        // each model scores each VOD once; metrics come from those scores
        ModelEvaluation.Scores challengerScores = ModelEvaluation.score(challenger, test);
        HighlightEvaluator.Result ours = challengerScores.evaluate(challenger);
        ModelEvaluation.Scores championScores = ModelEvaluation.score(champion.model(), test);
        HighlightEvaluator.Result theirs = championScores.evaluate(champion.model());
        boolean promote = ours.f1() > theirs.f1();

        ModelMetrics metrics = new ModelMetrics(version, challenger.threshold(), challenger.peakThreshold(),
                figures(ours, challengerScores.auc()), new ModelMetrics.Champion(champion.version(), figures(theirs, championScores.auc())),
                promote, ids(train), ids(test), FeatureLayout.columns(),
                new ModelMetrics.Vocabulary(challenger.vocabulary().size(), challenger.vocabulary().top(20)), scope);
        registry.write(version, ModelRegistry.MODEL_FILE, ModelLoader.toJson(challenger));
        registry.writeMetrics(version, metrics);
        registry.write(version, ModelRegistry.PROVENANCE_FILE, provenance(scope));

        String verdict = String.format(Locale.ROOT,
                "%s: F1 %.3f segP %.3f segR %.3f AUC %.3f vs %s (champion of %s) F1 %.3f segP %.3f segR %.3f on %d held-out VODs of %s",
                version, ours.f1(), ours.segmentPrecision(), ours.segmentRecall(), challengerScores.auc(), champion.version(),
                champion.scope(), theirs.f1(), theirs.segmentPrecision(), theirs.segmentRecall(), test.size(), scope);
        if (promote) {
            registry.promote(scope, version, "retrain job execution " + jobExecutionId, verdict);
        }
        return new Outcome(scope, version, promote, verdict);
    }

    private byte[] provenance(String scope) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("jobExecutionId", jobExecutionId);
        provenance.put("scope", scope);
        provenance.put("dataFrom", from.toString());
        provenance.put("dataTo", to.toString());
        provenance.put("library", LIBRARY);
        provenance.put("format", "XGBoost JSON: xgboost.Booster(model_file='model.json') in Python");
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(provenance).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(List<ModelEvaluation.Labelled> vods) {
        return vods.stream().map(ModelEvaluation.Labelled::vodId).toList();
    }

    private static ModelMetrics.Figures figures(HighlightEvaluator.Result r, double auc) {
        return new ModelMetrics.Figures(r.precision(), r.recall(), r.f1(), r.segmentPrecision(), r.segmentRecall(), auc);
    }
}
