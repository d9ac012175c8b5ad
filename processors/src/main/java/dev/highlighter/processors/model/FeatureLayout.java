package dev.highlighter.processors.model;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a trained model sees for a window: every signal averaged over time ranges around it,
 * from a minute before to a minute after (chat reacts 5 to 20 s after the event and big moments
 * keep it going; what came before is the local baseline), plus the share of laughter, hype and
 * emotes in each range, how far the next 20 s rise over the last few minutes, and two signals that
 * need no word list (message length, CamelCase emotes). The position in the VOD is no longer a
 * column: it meant "late game" on LoL only and lowered the top 5 on Dota 2 (README, "Transfer").
 * Chat counts are divided by their VOD's mean, so a
 * small channel and a world final look alike. A signal a VOD lacks is missing (NaN), which
 * gradient-boosted trees handle natively. Each column belongs to a named group, so that
 * cross-validation can measure what a group is worth by training without it.
 */
public final class FeatureLayout {

    /** Written into every model file; a model of another layout is refused, not misread. */
    public static final String VERSION = "ranges-v3";

    /** A column, the signal its contribution is reported under, and the group an ablation removes it with. */
    record Column(String name, String signal, String group) {
    }

    /** The group of the columns that are always there. */
    static final String BASE = "base";

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

    /**
     * Signals that need no word list, over fewer, wider ranges (before, at and after the window):
     * the mean message length against the VOD's, and the share of messages with an emote-like
     * CamelCase word. Of the language-free signals measured (README, "Transfer"), these two helped
     * LoL -> Dota 2 at a budget; the burst against a local baseline, one token spammed and the
     * character classes (stretched characters, emoji) did not, so they are counted in windows:c
     * but are not columns.
     */
    static final List<String> UNIVERSAL = List.of(ChatFeatures.CHARS, ChatFeatures.CAMEL);
    static final int[][] UNIVERSAL_RANGES = {{-60, -10}, {-10, 0}, {0, 10}, {10, 20}, {20, 40}};

    private static final List<Column> COLUMNS = build();

    private FeatureLayout() {
    }

    private static String groupOf(String signal) {
        return switch (signal) {
            case ChatFeatures.USERS -> "users";
            case ChatFeatures.LAUGH, ChatFeatures.HYPE, ChatFeatures.EMOTES -> "lexicon";
            case ChatFeatures.CHARS -> "length";
            case ChatFeatures.CAMEL -> "camel";
            default -> VOCABULARY.contains(signal) ? "vocab" : MEDIA.contains(signal) ? "media" : BASE;
        };
    }

    private static List<Column> build() {
        List<Column> out = new ArrayList<>();
        for (int[] r : RANGES) {
            String at = "@" + r[0] + ".." + r[1] + "s";
            COUNTS.forEach(s -> out.add(new Column(s + at, s, groupOf(s))));
            VOCABULARY.forEach(s -> out.add(new Column(s + at, s, groupOf(s))));
            MEDIA.forEach(s -> out.add(new Column(s + at, s, groupOf(s))));
            SHARES.forEach(s -> out.add(new Column(s + "_share" + at, s, groupOf(s))));
        }
        for (int[] r : UNIVERSAL_RANGES) {
            String at = "@" + r[0] + ".." + r[1] + "s";
            UNIVERSAL.forEach(s -> out.add(new Column(s + (s.equals(ChatFeatures.CHARS) ? "_per_msg" : "_share") + at, s, groupOf(s))));
        }
        out.add(new Column(ChatFeatures.MESSAGES + "_rise", ChatFeatures.MESSAGES, "rise"));
        return List.copyOf(out);
    }

    /** The groups a model can be trained without (every column's group but the base). */
    public static Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        COLUMNS.forEach(c -> groups.add(c.group()));
        groups.remove(BASE);
        return groups;
    }

    public static int width() {
        return COLUMNS.size();
    }

    public static int width(Set<String> without) {
        return kept(without).length;
    }

    public static List<String> columns() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** The signal each column comes from, to sum a prediction's contributions per signal. */
    public static List<String> signalOfColumn() {
        return COLUMNS.stream().map(Column::signal).toList();
    }

    public static List<String> signalOfColumn(Set<String> without) {
        return Arrays.stream(kept(without)).mapToObj(i -> COLUMNS.get(i).signal()).toList();
    }

    /** The indexes of the columns outside the given groups; an unknown group is refused by name. */
    static int[] kept(Set<String> without) {
        Set<String> known = groups();
        for (String g : without) {
            if (!known.contains(g)) {
                throw new IllegalArgumentException("no feature group '" + g + "' in layout " + VERSION + "; the groups are " + known);
            }
        }
        return java.util.stream.IntStream.range(0, COLUMNS.size()).filter(i -> !without.contains(COLUMNS.get(i).group())).toArray();
    }

    /** Rows of {@link #rows} with only the columns outside the given groups. */
    public static float[] select(float[] rows, int n, Set<String> without) {
        if (without.isEmpty()) {
            return rows;
        }
        int[] kept = kept(without);
        int width = width();
        float[] out = new float[n * kept.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < kept.length; c++) {
                out[i * kept.length + c] = rows[i * width + kept[c]];
            }
        }
        return out;
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
        RangeSums[] scaledSums = RangeSums.of(scaled);
        RangeSums[] mediaSums = RangeSums.of(media);
        RangeSums[] shareSums = RangeSums.of(shares);
        RangeSums messageSums = new RangeSums(messages);
        RangeSums[] universalSums = new RangeSums[UNIVERSAL.size()];
        for (int s = 0; s < UNIVERSAL.size(); s++) {
            universalSums[s] = new RangeSums(values(vod, UNIVERSAL.get(s)));
        }
        int charsAt = UNIVERSAL.indexOf(ChatFeatures.CHARS);
        double vodLength = universalSums[charsAt].sum(0, n) / (messageSums.sum(0, n) + 1e-6);
        int width = width();
        float[] out = new float[n * width];
        for (int i = 0; i < n; i++) {
            int c = i * width;
            for (int[] range : RANGES) {
                int from = i + windows(range[0], windowMs);
                int to = i + windows(range[1], windowMs);
                for (RangeSums p : scaledSums) {
                    out[c++] = p.mean(from, to);
                }
                for (RangeSums p : mediaSums) {
                    out[c++] = p.mean(from, to);
                }
                double all = messageSums.sum(from, to);
                for (RangeSums p : shareSums) {
                    double part = p.sum(from, to);
                    out[c++] = Double.isNaN(part) || Double.isNaN(all) ? Float.NaN : (float) (part / (all + 1));
                }
            }
            for (int[] range : UNIVERSAL_RANGES) {
                int from = i + windows(range[0], windowMs);
                int to = i + windows(range[1], windowMs);
                double all = messageSums.sum(from, to);
                for (int s = 0; s < universalSums.length; s++) {
                    double part = universalSums[s].sum(from, to);
                    if (Double.isNaN(part) || Double.isNaN(all)) {
                        out[c++] = Float.NaN;
                    } else if (s == charsAt) {
                        out[c++] = all == 0 ? Float.NaN : (float) (part / all / vodLength);
                    } else {
                        out[c++] = (float) (part / (all + 1));
                    }
                }
            }
            float ahead = messageSums.mean(i + windows(RISE_AHEAD[0], windowMs), i + windows(RISE_AHEAD[1], windowMs));
            float before = messageSums.mean(i + windows(RISE_BEFORE[0], windowMs), i + windows(RISE_BEFORE[1], windowMs));
            out[c] = Float.isNaN(ahead) || Float.isNaN(before) ? Float.NaN : ahead / (before + 1);
        }
        return out;
    }

    /** Seconds as a window offset, rounded down so that a range never reaches past its end. */
    static int windows(int seconds, long windowMs) {
        return (int) Math.floorDiv(seconds * 1000L, windowMs);
    }

    static double[] values(List<WindowFeatures> vod, String name) {
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
}
