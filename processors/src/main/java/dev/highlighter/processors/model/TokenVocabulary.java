package dev.highlighter.processors.model;

import dev.highlighter.core.LabelledVod;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words that chat uses when something just happened, learned from labelled VODs: each token's
 * log-odds of appearing in a reaction window (one that follows a labelled highlight within
 * {@link #REACTION_MS}) against any other window. A fixed lexicon knows "Pog" and "LUL"; this
 * also finds "penta", "baron", a caster's catchphrase or a team's name.
 */
public final class TokenVocabulary {

    /** Chat reacts to an event within this long (cross-validated: 15 and 25 s did worse, 45 and 60 s too). */
    static final long REACTION_MS = 35_000;
    /** Rarer tokens say more about one game than about highlights. */
    static final int MIN_COUNT = 30;
    /** A token from this log-odds up counts as a reaction word. */
    static final double STRONG = 0.5;

    private final Map<String, Double> logOdds;

    TokenVocabulary(Map<String, Double> logOdds) {
        this.logOdds = Map.copyOf(logOdds);
    }

    public static TokenVocabulary empty() {
        return new TokenVocabulary(Map.of());
    }

    /** Learns from VODs whose windows carry token counts ({@code tok:*}) and 0/1 labels (NaN: unlabelled). */
    public static TokenVocabulary learn(List<XgbTrainer.LabelledVod> vods, long windowMs) {
        Map<String, long[]> counts = new HashMap<>(); // token -> {in reaction windows, elsewhere}
        long[] messages = new long[2];
        int reach = (int) Math.max(1, REACTION_MS / windowMs);
        for (XgbTrainer.LabelledVod vod : vods) {
            float[] labels = vod.labels();
            for (int i = 0; i < labels.length; i++) {
                if (Float.isNaN(labels[i])) {
                    continue;
                }
                boolean reaction = false;
                for (int k = Math.max(0, i - reach); k < i && !reaction; k++) {
                    reaction = labels[k] > 0.5;
                }
                int side = reaction ? 0 : 1;
                WindowFeatures w = vod.windows().get(i);
                messages[side] += (long) w.get(ChatFeatures.MESSAGES);
                for (Map.Entry<String, Double> e : w.values().entrySet()) {
                    if (ChatFeatures.isToken(e.getKey())) {
                        counts.computeIfAbsent(e.getKey().substring(ChatFeatures.TOKEN_PREFIX.length()), t -> new long[2])[side] +=
                                e.getValue().longValue();
                    }
                }
            }
        }
        Map<String, Double> odds = new HashMap<>();
        counts.forEach((token, c) -> {
            if (c[0] + c[1] >= MIN_COUNT) {
                odds.put(token, Math.log((c[0] + 1.0) / (messages[0] + 2.0)) - Math.log((c[1] + 1.0) / (messages[1] + 2.0)));
            }
        });
        return new TokenVocabulary(odds);
    }

    public int size() {
        return logOdds.size();
    }

    /**
     * A window's reaction words: the summed positive log-odds of its tokens, how many of its token
     * uses are strong reaction words, and the summed negative log-odds (words of quiet stretches).
     */
    public double[] score(WindowFeatures w) {
        double score = 0;
        double strong = 0;
        double calm = 0;
        for (Map.Entry<String, Double> e : w.values().entrySet()) {
            if (!ChatFeatures.isToken(e.getKey())) {
                continue;
            }
            Double odds = logOdds.get(e.getKey().substring(ChatFeatures.TOKEN_PREFIX.length()));
            if (odds != null && odds > 0) {
                score += odds * e.getValue();
                strong += odds >= STRONG ? e.getValue() : 0;
            } else if (odds != null) {
                calm -= odds * e.getValue();
            }
        }
        return new double[] {score, strong, calm};
    }

    /** The strongest reaction words first, for logs and metrics. */
    public List<String> top(int n) {
        return logOdds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** One {@code token<TAB>log-odds} line per token, sorted: stored in the model file as an attribute. */
    public String serialise() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(logOdds).forEach((t, v) -> out.append(t).append('\t').append(String.format(Locale.ROOT, "%.6f", v)).append('\n'));
        return out.toString();
    }

    public static TokenVocabulary parse(String text) {
        Map<String, Double> odds = new HashMap<>();
        int line = 0;
        for (String row : text.split("\n")) {
            line++;
            if (row.isEmpty()) {
                continue;
            }
            int tab = row.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("token vocabulary line " + line + " has no tab: " + row);
            }
            try {
                odds.put(row.substring(0, tab), Double.parseDouble(row.substring(tab + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("token vocabulary line " + line + " has no number after the tab: " + row, e);
            }
        }
        return new TokenVocabulary(odds);
    }
}
