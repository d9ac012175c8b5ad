package dev.highlighter.processors.model;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a trained model sees for a window: every signal averaged over time ranges around it,
 * from a minute before to a minute after (chat reacts 5 to 20 s after the event and big moments
 * keep it going; what came before is the local baseline), plus the share of laughter, hype and
 * emotes in each range, how far the next 20 s rise over the last few minutes, and how far into the
 * VOD the window is (late fights decide games). Chat counts are divided by their VOD's mean, so a
 * small channel and a world final look alike. A signal a VOD
 * lacks is missing (NaN), which gradient-boosted trees handle natively.
 */
public final class FeatureLayout {

    /** Written into every model file; a model of another layout is refused, not misread. */
    public static final String VERSION = "ranges-v2";

    /** Chat counts, scaled by their VOD mean. */
    static final List<String> COUNTS = List.of(ChatFeatures.MESSAGES, ChatFeatures.USERS, ChatFeatures.LAUGH, ChatFeatures.HYPE,
            ChatFeatures.EMOTES, ChatFeatures.SHOUTING, ChatFeatures.PUNCTUATION, ChatFeatures.REPEATS);
    /** The learned vocabulary's score, strong-word and calm-word counts ({@link TokenVocabulary#score}), scaled by their VOD mean. */
    static final List<String> VOCABULARY = List.of("chat_vocab_score", "chat_vocab_strong", "chat_vocab_calm");
    /** Media signals, already robust z-scores against their VOD. */
    static final List<String> MEDIA = List.of(MediaFeatures.RMS_DB + "_z", MediaFeatures.PEAK_DB + "_z",
            MediaFeatures.CUTS + "_z", MediaFeatures.MOTION + "_z");
    /** Reactions as a share of all messages. */
    static final List<String> SHARES = List.of(ChatFeatures.LAUGH, ChatFeatures.HYPE, ChatFeatures.EMOTES);

    /** Time ranges around the window, in seconds from its start: [from, to). */
    static final int[][] RANGES = {{-60, -20}, {-20, -10}, {-10, -5}, {-5, 0}, {0, 5}, {5, 10}, {10, 15}, {15, 20}, {20, 25},
        {25, 30}, {30, 40}, {40, 60}};
    /** The rise: messages in these seconds after the window against those before. */
    static final int[] RISE_AHEAD = {5, 25};
    static final int[] RISE_BEFORE = {-180, -30};

    private static final int PER_RANGE = COUNTS.size() + VOCABULARY.size() + MEDIA.size() + SHARES.size();

    private FeatureLayout() {
    }

    public static int width() {
        return RANGES.length * PER_RANGE + 2;
    }

    public static List<String> columns() {
        List<String> names = new ArrayList<>(width());
        for (int[] r : RANGES) {
            String at = "@" + r[0] + ".." + r[1] + "s";
            COUNTS.forEach(s -> names.add(s + at));
            VOCABULARY.forEach(s -> names.add(s + at));
            MEDIA.forEach(s -> names.add(s + at));
            SHARES.forEach(s -> names.add(s + "_share" + at));
        }
        names.add(ChatFeatures.MESSAGES + "_rise");
        names.add("position");
        return names;
    }

    /** The signal each column comes from, to sum a prediction's contributions per signal. */
    public static List<String> signalOfColumn() {
        List<String> signals = new ArrayList<>(width());
        for (int r = 0; r < RANGES.length; r++) {
            signals.addAll(COUNTS);
            signals.addAll(VOCABULARY);
            signals.addAll(MEDIA);
            signals.addAll(SHARES);
        }
        signals.add(ChatFeatures.MESSAGES);
        signals.add("position");
        return signals;
    }

    /**
     * One row per window of a whole VOD in time order, row-major. The whole VOD is needed: the
     * chat counts are scaled by its means.
     */
    public static float[] rows(List<WindowFeatures> vod, long windowMs, TokenVocabulary vocabulary) {
        int n = vod.size();
        double[][] counts = new double[COUNTS.size() + VOCABULARY.size()][];
        for (int s = 0; s < COUNTS.size(); s++) {
            counts[s] = values(vod, COUNTS.get(s));
        }
        for (int k = 0; k < VOCABULARY.size(); k++) {
            counts[COUNTS.size() + k] = new double[n];
        }
        for (int i = 0; i < n; i++) {
            double[] v = vocabulary.score(vod.get(i));
            for (int k = 0; k < VOCABULARY.size(); k++) {
                counts[COUNTS.size() + k][i] = v[k];
            }
        }
        double[] messages = counts[0];
        double[][] scaled = new double[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            scaled[s] = scaledByMean(counts[s]);
        }
        double[][] media = new double[MEDIA.size()][];
        for (int s = 0; s < MEDIA.size(); s++) {
            media[s] = values(vod, MEDIA.get(s));
        }
        double[][] shares = new double[SHARES.size()][];
        for (int s = 0; s < SHARES.size(); s++) {
            shares[s] = counts[COUNTS.indexOf(SHARES.get(s))];
        }
        Prefix[] scaledSums = prefixes(scaled);
        Prefix[] mediaSums = prefixes(media);
        Prefix[] shareSums = prefixes(shares);
        Prefix messageSums = new Prefix(messages);
        int width = width();
        float[] out = new float[n * width];
        for (int i = 0; i < n; i++) {
            int c = i * width;
            for (int[] range : RANGES) {
                int from = i + windows(range[0], windowMs);
                int to = i + windows(range[1], windowMs);
                for (Prefix p : scaledSums) {
                    out[c++] = p.mean(from, to);
                }
                for (Prefix p : mediaSums) {
                    out[c++] = p.mean(from, to);
                }
                double all = messageSums.sum(from, to);
                for (Prefix p : shareSums) {
                    double part = p.sum(from, to);
                    out[c++] = Double.isNaN(part) || Double.isNaN(all) ? Float.NaN : (float) (part / (all + 1));
                }
            }
            float ahead = messageSums.mean(i + windows(RISE_AHEAD[0], windowMs), i + windows(RISE_AHEAD[1], windowMs));
            float before = messageSums.mean(i + windows(RISE_BEFORE[0], windowMs), i + windows(RISE_BEFORE[1], windowMs));
            out[c++] = Float.isNaN(ahead) || Float.isNaN(before) ? Float.NaN : ahead / (before + 1);
            out[c] = (float) i / n;
        }
        return out;
    }

    /** Seconds as a window offset, rounded down so that a range never reaches past its end. */
    private static int windows(int seconds, long windowMs) {
        return (int) Math.floorDiv(seconds * 1000L, windowMs);
    }

    private static double[] values(List<WindowFeatures> vod, String name) {
        double[] v = new double[vod.size()];
        for (int i = 0; i < v.length; i++) {
            WindowFeatures w = vod.get(i);
            v[i] = w.has(name) ? w.get(name) : Double.NaN;
        }
        return v;
    }

    private static double[] scaledByMean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / (mean + 1e-6);
        }
        return out;
    }

    private static Prefix[] prefixes(double[][] signals) {
        Prefix[] p = new Prefix[signals.length];
        for (int s = 0; s < signals.length; s++) {
            p[s] = new Prefix(signals[s]);
        }
        return p;
    }

    /** Prefix sums of one signal, so a range's sum or mean costs two lookups; missing values are left out. */
    private static final class Prefix {
        final double[] sums;
        final int[] present;

        Prefix(double[] v) {
            sums = new double[v.length + 1];
            present = new int[v.length + 1];
            for (int i = 0; i < v.length; i++) {
                boolean has = !Double.isNaN(v[i]);
                sums[i + 1] = sums[i] + (has ? v[i] : 0);
                present[i + 1] = present[i] + (has ? 1 : 0);
            }
        }

        /** Sum over windows [from, to) inside the VOD; NaN when none of them has the signal. */
        double sum(int from, int to) {
            int a = Math.max(0, Math.min(from, sums.length - 1));
            int b = Math.max(0, Math.min(to, sums.length - 1));
            return b <= a || present[b] == present[a] ? Double.NaN : sums[b] - sums[a];
        }

        float mean(int from, int to) {
            int a = Math.max(0, Math.min(from, sums.length - 1));
            int b = Math.max(0, Math.min(to, sums.length - 1));
            int n = b <= a ? 0 : present[b] - present[a];
            return n == 0 ? Float.NaN : (float) ((sums[b] - sums[a]) / n);
        }
    }
}
