package dev.highlighter.processors.model;

import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Version 0: a transparent weighted rule that needs no training. A window's score is the weighted
 * sum of how strongly chat reacted in the windows right after it and how loud and busy the media
 * is at it (robust z-scores, positive part only, strongest in the span), squashed to a
 * probability by a logistic curve. Signals a VOD lacks are left out and the weights renormalised.
 * Every term is reported as a contribution, so a highlight can say what drove it.
 */
public class RuleModelV0 implements HighlightModel {

    public static final String VERSION = "rule-v0";

    /** Chat reacts 5 to 20 s after an event: with 5 s windows, look at the next four. */
    static final int LOOKAHEAD_WINDOWS = 4;
    /**
     * Score (in robust z units) at which the probability is one half. 1.5 scored best on the
     * labelled LoL Worlds chat (README, "Quality"); 2 and above miss most short highlights.
     */
    static final double MIDPOINT = 1.5;
    /** How sharply the probability rises around the midpoint. */
    static final double STEEPNESS = 1.5;

    /**
     * Weights of the reaction signals. Message rate carries most of the evidence; the lexicon and
     * burst signals sharpen it. They sum to one, so the score is in z units.
     */
    static final Map<String, Double> WEIGHTS = weights();

    private static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(ChatFeatures.z(ChatFeatures.RATE), 0.40);
        w.put(ChatFeatures.z(ChatFeatures.USERS), 0.10);
        w.put(ChatFeatures.z(ChatFeatures.HYPE), 0.25);
        w.put(ChatFeatures.z(ChatFeatures.LAUGH), 0.10);
        w.put(ChatFeatures.z(ChatFeatures.REPEATS), 0.15);
        // media reacts at the moment itself: a blast of sound, a burst of cuts and motion
        w.put(MediaFeatures.RMS_DB + "_z", 0.20);
        w.put(MediaFeatures.PEAK_DB + "_z", 0.15);
        w.put(MediaFeatures.CUTS + "_z", 0.05);
        w.put(MediaFeatures.MOTION + "_z", 0.10);
        return w;
    }

    /** Media features look at the window itself and the next one; chat looks at the four after. */
    static boolean isMedia(String feature) {
        return feature.startsWith("media_");
    }

    private final double threshold;

    public RuleModelV0() {
        this(0.5);
    }

    /** @param threshold the probability from which segmentation takes a window (highlighter.segments.threshold) */
    public RuleModelV0(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public int lookahead() {
        return LOOKAHEAD_WINDOWS;
    }

    @Override
    public List<ScoredWindow> predict(WindowBatch batch) {
        List<ScoredWindow> out = new ArrayList<>(batch.windows().size());
        for (int i = 0; i < batch.windows().size(); i++) {
            List<WindowFeatures> following = batch.withFollowing(i, LOOKAHEAD_WINDOWS);
            // the chat reaction to window i is in the windows after it, not in window i itself
            List<WindowFeatures> chatSpan = following.size() > 1 ? following.subList(1, following.size()) : following;
            List<WindowFeatures> mediaSpan = following.subList(0, Math.min(2, following.size()));
            Map<String, Double> contributions = new HashMap<>();
            double score = 0;
            double weightPresent = 0;
            for (Map.Entry<String, Double> w : WEIGHTS.entrySet()) {
                if (!batch.windows().get(i).has(w.getKey())) {
                    continue; // e.g. no user names in this chat format
                }
                double strongest = 0;
                for (WindowFeatures f : isMedia(w.getKey()) ? mediaSpan : chatSpan) {
                    strongest = Math.max(strongest, f.get(w.getKey()));
                }
                contributions.put(w.getKey(), w.getValue() * strongest);
                score += w.getValue() * strongest;
                weightPresent += w.getValue();
            }
            if (weightPresent > 0) {
                score /= weightPresent; // renormalise so a missing signal does not lower every score
            }
            // the margin ranks: the probability reaches 1.0 (and ties) for every strong moment
            double margin = STEEPNESS * (score - MIDPOINT);
            double probability = 1 / (1 + Math.exp(-margin));
            WindowFeatures window = batch.windows().get(i);
            out.add(new ScoredWindow(window.vodId(), window.startMs(), probability, margin, contributions));
        }
        return out;
    }
}
