package dev.highlighter.processors.chat;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.Windows;
import dev.highlighter.processors.RobustBaseline;
import dev.highlighter.processors.WindowAggregator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Sums message signals into fixed windows of one VOD and, once every message is in, turns the
 * sums into features with z-scores against the VOD's own baseline, plus each window's token counts
 * ({@code tok:<word>}, kept in {@code windows:t}) for a model that learns which words mean a
 * highlight. Messages may arrive out of order. Memory grows with the number of windows (and distinct texts and users per window), never
 * with the number of messages.
 */
public class ChatWindowAggregator implements WindowAggregator<MessageSignals> {

    /** Tokens kept per window (the most used): enough for what a vocabulary can learn, bounded for HBase. */
    static final int MAX_TOKENS_PER_WINDOW = 128;
    /** Words whose columns are kept for reuse: a VOD's common words, bounded whatever its vocabulary. */
    static final int MAX_TOKEN_NAMES = 1 << 16;

    private final String vodId;
    private final long windowMs;
    private final TreeMap<Long, Sums> windows = new TreeMap<>();
    /** The window of the last message: chat comes mostly in order, so most messages skip the tree. */
    private long lastIndex = Long.MIN_VALUE;
    private Sums last;
    /** The words seen, each with its column and its letter runs cut: worked out once per VOD, not once per window. */
    private final Map<String, TokenColumn> tokenColumns = new HashMap<>();
    private long messages;
    private boolean usersKnown;

    public ChatWindowAggregator(String vodId, long windowMs) {
        this.vodId = vodId;
        this.windowMs = windowMs;
    }

    @Override
    public void add(MessageSignals m) {
        long index = Windows.index(m.offsetMs(), windowMs);
        if (index != lastIndex) {
            last = windows.computeIfAbsent(index, i -> new Sums());
            lastIndex = index;
        }
        Sums s = last;
        s.messages++;
        s.laugh += m.laugh();
        s.hype += m.hype();
        s.emotes += m.emotes();
        s.shouting += m.shouting() ? 1 : 0;
        s.punctuation += m.punctuation() ? 1 : 0;
        s.chars += m.chars();
        s.stretched += m.stretched() ? 1 : 0;
        s.emoji += m.emoji() ? 1 : 0;
        s.camel += m.camel() ? 1 : 0;
        for (String t : m.tokens()) {
            s.tokens.merge(t, 1, Integer::sum);
        }
        if (!s.texts.add(m.textKey())) {
            s.repeats++;
        }
        if (m.userKey() != null) {
            usersKnown = true;
            s.users.add(m.userKey());
        }
        messages++;
    }

    @Override
    public long items() {
        return messages;
    }

    /**
     * Features of every window from the first message to the last, quiet windows included:
     * silence during the stream is part of the baseline. Windows before the first message are
     * left out, because many exports cover only part of the VOD, and hours of "silence" before
     * the covered part would make every later message look like a burst.
     */
    @Override
    public List<WindowFeatures> features() {
        if (windows.isEmpty()) {
            return List.of();
        }
        long first = windows.firstKey();
        int n = (int) (windows.lastKey() - first + 1);
        Map<String, double[]> raw = new LinkedHashMap<>();
        for (String f : ChatFeatures.SCORED) {
            if (usersKnown || !f.equals(ChatFeatures.USERS)) {
                raw.put(f, new double[n]);
            }
        }
        double[] counts = new double[n];
        double seconds = windowMs / 1000.0;
        for (Map.Entry<Long, Sums> e : windows.entrySet()) {
            int i = (int) (e.getKey() - first);
            Sums s = e.getValue();
            counts[i] = s.messages;
            raw.get(ChatFeatures.RATE)[i] = s.messages / seconds;
            raw.get(ChatFeatures.LAUGH)[i] = s.laugh;
            raw.get(ChatFeatures.HYPE)[i] = s.hype;
            raw.get(ChatFeatures.EMOTES)[i] = s.emotes;
            raw.get(ChatFeatures.REPEATS)[i] = s.repeats;
            raw.get(ChatFeatures.SHOUTING)[i] = s.shouting;
            raw.get(ChatFeatures.PUNCTUATION)[i] = s.punctuation;
            if (usersKnown) {
                raw.get(ChatFeatures.USERS)[i] = s.users.size();
            }
        }
        Map<String, RobustBaseline> baselines = new HashMap<>();
        raw.forEach((f, values) -> baselines.put(f, RobustBaseline.of(values)));
        List<WindowFeatures> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Sums s = windows.get(first + i);
            int size = 1 + 2 * raw.size() + ChatFeatures.UNIVERSAL.size() + (s == null ? 0 : Math.min(s.tokens.size(), MAX_TOKENS_PER_WINDOW));
            Map<String, Double> values = new HashMap<>(size * 4 / 3 + 1); // sized once: a window holds up to 150 entries
            values.put(ChatFeatures.MESSAGES, counts[i]);
            for (Map.Entry<String, double[]> e : raw.entrySet()) {
                double v = e.getValue()[i];
                values.put(e.getKey(), v);
                values.put(ChatFeatures.z(e.getKey()), baselines.get(e.getKey()).z(v));
            }
            values.put(ChatFeatures.CHARS, s == null ? 0.0 : s.chars);
            int spam = 0;
            if (s != null && s.tokens.size() <= MAX_TOKENS_PER_WINDOW) {
                // every word has its column: put each in while its run is looked up, in one pass
                spam = spam(s.tokens, (t, count) -> {
                    TokenColumn column = column(t);
                    values.put(column.name(), (double) count);
                    return column.cut();
                });
            } else if (s != null) {
                spam = spam(s.tokens, (t, count) -> column(t).cut());
                topTokens(s.tokens).forEach((t, c) -> values.put(column(t).name(), (double) c));
            }
            values.put(ChatFeatures.SPAM, (double) spam);
            values.put(ChatFeatures.STRETCHED, s == null ? 0.0 : s.stretched);
            values.put(ChatFeatures.EMOJI, s == null ? 0.0 : s.emoji);
            values.put(ChatFeatures.CAMEL, s == null ? 0.0 : s.camel);
            out.add(new WindowFeatures(vodId, Windows.start(first + i, windowMs), values));
        }
        return out;
    }

    /**
     * A word's column, {@code tok:<word>}, and the word with its letter runs cut to two (null when
     * it has none): kept for a VOD's first {@link #MAX_TOKEN_NAMES} words, worked out anew after.
     */
    private record TokenColumn(String name, String cut) {
    }

    private TokenColumn column(String token) {
        TokenColumn column = tokenColumns.get(token);
        if (column == null) {
            column = new TokenColumn(ChatFeatures.token(token), hasRun(token) ? collapse(token) : null);
            if (tokenColumns.size() < MAX_TOKEN_NAMES) {
                tokenColumns.put(token, column);
            }
        }
        return column;
    }

    /**
     * How many messages carry the window's most used word, letter runs cut to two so that kkkk
     * and kkkkkk, ㅋㅋㅋ and ㅋㅋㅋㅋ, 2333 and 23333 are one token (a message counts a word once).
     */
    static int spam(Map<String, Integer> tokens) {
        return spam(tokens, (t, n) -> hasRun(t) ? collapse(t) : null);
    }

    /** {@link #spam(Map)}, given each token (and its count) cut to two, or null where it has no run to cut. */
    private static int spam(Map<String, Integer> tokens, BiFunction<String, Integer, String> cutOrNull) {
        // most words have no run to cut and are their own group: only the others need a map
        Map<String, Integer> cut = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : tokens.entrySet()) {
            String collapsed = cutOrNull.apply(e.getKey(), e.getValue());
            if (collapsed != null) {
                if (cut == null) {
                    cut = new HashMap<>();
                }
                cut.merge(collapsed, e.getValue(), Integer::sum);
            } else {
                most = Math.max(most, e.getValue());
            }
        }
        if (cut != null) {
            for (Map.Entry<String, Integer> e : cut.entrySet()) {
                most = Math.max(most, e.getValue() + tokens.getOrDefault(e.getKey(), 0));
            }
        }
        return most;
    }

    /** Whether a character comes three times in a row, so that {@link #collapse} changes the token. */
    private static boolean hasRun(String token) {
        for (int i = 2; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == token.charAt(i - 1) && c == token.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    static String collapse(String token) {
        if (!hasRun(token)) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        int run = 0;
        for (int i = 0; i < token.length(); i++) {
            run = i > 0 && token.charAt(i) == token.charAt(i - 1) ? run + 1 : 1;
            if (run <= 2) {
                out.append(token.charAt(i));
            }
        }
        return out.toString();
    }

    /** The window's most used tokens, so that a window of a huge chat keeps a bounded row. */
    static Map<String, Integer> topTokens(Map<String, Integer> tokens) {
        if (tokens.size() <= MAX_TOKENS_PER_WINDOW) {
            return tokens;
        }
        Map<String, Integer> top = new HashMap<>();
        tokens.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOKENS_PER_WINDOW)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static final class Sums {
        int messages;
        int laugh;
        int hype;
        int emotes;
        int repeats;
        int shouting;
        int punctuation;
        int chars;
        int stretched;
        int emoji;
        int camel;
        final Set<String> texts = new HashSet<>();
        final Set<String> users = new HashSet<>();
        final Map<String, Integer> tokens = new HashMap<>();
    }
}
