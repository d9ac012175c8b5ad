package dev.highlighter.processors.evaluation;

import dev.highlighter.core.LabelledVod;

import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Trains a model and chooses its decision point (the threshold and the peak a segment must reach)
 * on scores of VODs it has not seen in training: inner folds by VOD over the training VODs. A model
 * is surer of the VODs it learned from, so a point chosen there is too strict for new ones.
 */
public final class DecisionTuning {

    /**
     * Inner folds by VOD, each split twice: with 12 training VODs an inner model learns from 10,
     * close enough to the final model that a point chosen on its scores still fits (with 3 folds
     * of 8 VODs the chosen points came out too strict for the final model).
     */
    static final int INNER_FOLDS = 6;
    static final int SPLITS = 2;
    /** The targets a decision point is judged against (issue 4): per-second F1, segment precision and recall. */
    static final double F1_TARGET = 0.5;
    static final double SEGMENT_TARGET = 0.7;
    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    static final double[] PEAK_MARGINS = {0, 0.05, 0.1, 0.15, 0.2};

    private DecisionTuning() {
    }

    public static XgbHighlightModel fit(String version, List<XgbTrainer.LabelledVod> vods, long windowMs) {
        return fit(version, vods, windowMs, Set.of());
    }

    /** As {@link #fit(String, List, long)}, without the columns of the given feature groups (an ablation). */
    public static XgbHighlightModel fit(String version, List<XgbTrainer.LabelledVod> vods, long windowMs, Set<String> without) {
        XgbHighlightModel model = XgbTrainer.train(version, vods, windowMs, without);
        ModelEvaluation.Scores unseen = null;
        int folds = Math.min(INNER_FOLDS, vods.size());
        if (folds >= 3) {
            for (int split = 0; split < SPLITS; split++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < vods.size(); i++) {
                    order.add(i);
                }
                if (split > 0) {
                    Collections.shuffle(order, new Random(split));
                }
                for (int k = 0; k < folds; k++) {
                    List<XgbTrainer.LabelledVod> train = new ArrayList<>();
                    List<ModelEvaluation.Labelled> held = new ArrayList<>();
                    for (int i = 0; i < order.size(); i++) {
                        XgbTrainer.LabelledVod v = vods.get(order.get(i));
                        if (i % folds == k) {
                            held.add(new ModelEvaluation.Labelled(v.vodId(), v.windows(), v.labels(), windowMs));
                        } else {
                            train.add(v);
                        }
                    }
                    XgbHighlightModel inner = XgbTrainer.train(version + "-inner" + split + "." + k, train, windowMs, without);
                    ModelEvaluation.Scores s = ModelEvaluation.score(inner, held);
                    unseen = unseen == null ? s : unseen.plus(s);
                }
            }
        } else {
            // too few VODs for inner folds: choose on the training VODs themselves
            unseen = ModelEvaluation.score(model, vods.stream()
                    .map(v -> new ModelEvaluation.Labelled(v.vodId(), v.windows(), v.labels(), windowMs)).toList());
        }
        double[] point = best(unseen);
        return model.withDecision(point[0], point[1]);
    }

    /**
     * The decision point that meets every target with the most margin: the best worst ratio of
     * F1, segment precision and segment recall to their targets. Maximising F1 alone picks strict
     * points whose few segments miss many highlights.
     */
    static double[] best(ModelEvaluation.Scores scores) {
        double[] best = {0.5, 0.5};
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double t : THRESHOLDS) {
            for (double margin : PEAK_MARGINS) {
                double peak = Math.min(1, t + margin);
                HighlightEvaluator.Result r = scores.evaluate(t, peak);
                double score = Math.min(r.f1() / F1_TARGET,
                        Math.min(r.segmentPrecision(), r.segmentRecall()) / SEGMENT_TARGET);
                if (score > bestScore) {
                    bestScore = score;
                    best = new double[] {t, peak};
                }
            }
        }
        return best;
    }
}
