package dev.highlighter.processors.evaluation;

import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.feedback.LabelAggregator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * How models are validated, for retrain and crossval alike: splits are by VOD, never by window
 * (a VOD's windows are correlated, so a split by window would flatter a model); a window's label
 * is judged by its middle; and the yardstick is the seed product's rule.
 */
public final class VodValidation {

    /** One VOD in this many is held out by retrain, chosen by a hash of its id (stable across runs). */
    public static final int HOLDOUT_EVERY = 4;
    /** The seed rule's budget: this many busiest minutes per VOD. */
    static final int SEED_MINUTES = 5;

    private VodValidation() {
    }

    /** Whether retrain holds this VOD out for testing. */
    public static boolean holdOut(String vodId) {
        CRC32 crc = new CRC32();
        crc.update(vodId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % HOLDOUT_EVERY == 0;
    }

    /** k folds of the VODs, dealt in order: VOD i goes to fold i mod k. */
    public static List<List<String>> folds(List<String> vods, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + k);
        }
        List<List<String>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < vods.size(); i++) {
            folds.get(i % k).add(vods.get(i));
        }
        return folds;
    }

    /** Window labels from labels.json: 1 inside a highlight, 0 elsewhere in the span, NaN outside it. */
    public static float[] labels(List<WindowFeatures> windows, LabelledVod label, long windowMs) {
        float[] y = new float[windows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = label.windowLabel(windows.get(i).startMs(), windowMs);
        }
        return y;
    }

    /** Window labels as the feedback job stored them (windows:l), NaN where a window has none. */
    public static float[] storedLabels(List<WindowFeatures> windows) {
        float[] y = new float[windows.size()];
        for (int i = 0; i < y.length; i++) {
            WindowFeatures w = windows.get(i);
            y[i] = w.has(LabelAggregator.LABEL) ? (float) w.get(LabelAggregator.LABEL) : Float.NaN;
        }
        return y;
    }

    /** The seed product's rule: the five busiest one-minute buckets, as 60 s clips. */
    public static List<Segment> seedRule(String vod, List<WindowFeatures> windows) {
        return seedRule(vod, windows, SEED_MINUTES);
    }

    /**
     * The seed rule at another budget: the {@code minutes} busiest one-minute buckets, each scored
     * by its message count, so that a budget of K per VOD compares it at K clips as well.
     */
    public static List<Segment> seedRule(String vod, List<WindowFeatures> windows, int minutes) {
        Map<Long, Double> perMinute = new TreeMap<>();
        for (WindowFeatures w : windows) {
            perMinute.merge(w.startMs() / 60_000, w.get(ChatFeatures.MESSAGES), Double::sum);
        }
        return perMinute.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(minutes)
                .map(e -> new Segment(vod, e.getKey() * 60.0, e.getKey() * 60.0 + 60, e.getValue()))
                .sorted(Comparator.comparingDouble(Segment::start))
                .toList();
    }
}
