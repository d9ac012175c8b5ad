package dev.highlighter.app.cli;

import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.processors.model.XgbHighlightModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trained model, rule-v0 and the seed rule on the same held-out VODs, gathered over folds
 * (or one train/test split), then scored as they are and at budgets of K segments per VOD, best
 * by score: what a reel or a user's budget reads, and the only fair measure where labels are not
 * exhaustive. The seed rule at a budget of K takes the K busiest minutes.
 */
final class HeldOutComparison {

    static final String TRAINED = "trained";
    static final String RULE = "rule-v0";
    static final String SEED = "seed";
    /** The seed rule as it is: the five busiest minutes. */
    static final int SEED_MINUTES = 5;

    private final int seedMinutes;
    private final List<LabelledVod> truth = new ArrayList<>();
    private final Map<String, List<Segment>> predicted = new LinkedHashMap<>();
    private ModelEvaluation.Scores trainedScores;

    /** @param budgets the K per VOD that will be asked for, so the seed rule keeps enough minutes */
    HeldOutComparison(List<Integer> budgets) {
        seedMinutes = Math.max(SEED_MINUTES, budgets.stream().mapToInt(Integer::intValue).max().orElse(0));
        for (String method : List.of(TRAINED, RULE, SEED)) {
            predicted.put(method, new ArrayList<>());
        }
    }

    /** Scores the held-out VODs {@code test} of {@code set} with the model (trained without them), rule-v0 and the seed rule. */
    void add(XgbHighlightModel model, LabelledSet set, List<String> test) {
        // scored once: the AUC and the trained model's segments both come from these scores
        ModelEvaluation.Scores scores = ModelEvaluation.score(model, test.stream().map(set::testing).toList());
        trainedScores = trainedScores == null ? scores : trainedScores.plus(scores);
        predicted.get(TRAINED).addAll(scores.segments(model.threshold(), model.peakThreshold()));
        for (String vod : test) {
            truth.add(set.labels().get(vod));
            predicted.get(RULE).addAll(ModelEvaluation.segments(new RuleModelV0(), vod, set.windows().get(vod), set.windowMs()));
            predicted.get(SEED).addAll(VodValidation.seedRule(vod, set.windows().get(vod), seedMinutes));
        }
    }

    /** A method's figures on the VODs {@code vods} (null: all so far), unbudgeted ({@code k = 0}) or at K per VOD. */
    HighlightEvaluator.Result result(String method, int k, List<String> vods) {
        List<Segment> segments = predicted.get(method);
        if (vods != null) {
            segments = segments.stream().filter(s -> vods.contains(s.vodId())).toList();
        }
        int budget = k > 0 ? k : method.equals(SEED) ? SEED_MINUTES : 0;
        List<LabelledVod> labels = vods == null ? truth : truth.stream().filter(l -> vods.contains(l.vodId())).toList();
        return HighlightEvaluator.evaluate(labels, HighlightEvaluator.topK(segments, budget));
    }

    /** One line per fold: each method's unbudgeted figures on its VODs. */
    String foldLine(List<String> vods) {
        List<String> parts = new ArrayList<>();
        for (String method : predicted.keySet()) {
            parts.add(method + " " + result(method, 0, vods).summaryLine());
        }
        return String.join(" | ", parts);
    }

    void print(PrintWriter out, String title, List<Integer> budgets) {
        out.printf(Locale.ROOT, "%s (trained model's window AUC %.3f):%n", title, trainedScores.auc());
        for (int k : withUnbudgeted(budgets)) {
            if (k > 0) {
                out.printf(Locale.ROOT, " top %d per VOD:%n", k);
            }
            for (String method : predicted.keySet()) {
                HighlightEvaluator.Result r = result(method, k, null);
                out.printf(Locale.ROOT, "  %-8s P %.3f R %.3f %s segments %d%n", method, r.precision(), r.recall(), r.summaryLine(),
                        r.predictedSegments());
            }
        }
        out.flush();
    }

    private static List<Integer> withUnbudgeted(List<Integer> budgets) {
        List<Integer> all = new ArrayList<>();
        all.add(0);
        budgets.stream().filter(k -> k > 0).forEach(all::add);
        return all;
    }
}
