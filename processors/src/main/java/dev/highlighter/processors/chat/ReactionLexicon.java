package dev.highlighter.processors.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words that mark a reaction: laughter, hype and emotes, in English and Korean, loaded from a
 * resource file so that the list can grow without code. Matching is per whitespace token.
 */
public final class ReactionLexicon {

    public enum Category { LAUGH, HYPE, EMOTE }

    public static final String DEFAULT_RESOURCE = "/dev/highlighter/processors/chat/reaction-lexicon.tsv";

    private final Map<String, Set<Category>> tokens = new HashMap<>();
    private final Map<Category, List<String>> prefixes = new EnumMap<>(Category.class);
    private final Map<Category, List<String>> substrings = new EnumMap<>(Category.class);

    /** First characters of the prefix terms: a word starting with none of them matches no prefix. */
    private String prefixStarts = "";
    /** First characters of the substring terms: a word holding none of them matches no substring. */
    private String substringStarts = "";
    /** Some term is empty, which would match any word: then every word is checked against every term. */
    private boolean emptyTerm;

    private ReactionLexicon() {
        for (Category c : Category.values()) {
            prefixes.put(c, new ArrayList<>());
            substrings.put(c, new ArrayList<>());
        }
    }

    public static ReactionLexicon loadDefault() {
        try (InputStream in = ReactionLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return load(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReactionLexicon load(InputStream in, String name) throws IOException {
        ReactionLexicon lexicon = new ReactionLexicon();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IllegalArgumentException(name + ":" + number + ": expected category<TAB>match<TAB>term");
            }
            Category category = Category.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            String term = parts[2].trim().toLowerCase(Locale.ROOT);
            switch (parts[1].trim()) {
                case "token" -> lexicon.tokens.computeIfAbsent(term, t -> new HashSet<>()).add(category);
                case "prefix" -> lexicon.prefixes.get(category).add(term);
                case "substring" -> lexicon.substrings.get(category).add(term);
                default -> throw new IllegalArgumentException(name + ":" + number + ": match must be token, prefix or substring");
            }
        }
        lexicon.index();
        return lexicon;
    }

    private void index() {
        StringBuilder p = new StringBuilder();
        StringBuilder s = new StringBuilder();
        for (Category c : Category.values()) {
            for (String term : prefixes.get(c)) {
                emptyTerm |= term.isEmpty();
                p.append(term.isEmpty() ? "" : term.substring(0, 1));
            }
            for (String term : substrings.get(c)) {
                emptyTerm |= term.isEmpty();
                s.append(term.isEmpty() ? "" : term.substring(0, 1));
            }
        }
        prefixStarts = p.toString();
        substringStarts = s.toString();
    }

    /** Adds this token's categories to {@code counts} (indexed by ordinal). */
    public void count(String token, int[] counts) {
        String t = stripPunctuation(token).toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return;
        }
        Set<Category> exact = tokens.get(t);
        if (exact != null) {
            for (Category c : exact) {
                counts[c.ordinal()]++;
            }
        }
        // most words cannot match any prefix or substring term: tell them by their characters alone
        boolean prefix = emptyTerm || prefixStarts.indexOf(t.charAt(0)) >= 0;
        boolean substring = emptyTerm || holdsAny(t, substringStarts);
        if (!prefix && !substring) {
            return;
        }
        for (Category c : Category.values()) {
            if (exact != null && exact.contains(c)) {
                continue;
            }
            if (prefix && matchesAny(t, prefixes.get(c), true) || substring && matchesAny(t, substrings.get(c), false)) {
                counts[c.ordinal()]++;
            }
        }
    }

    private static boolean holdsAny(String token, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (token.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** "INSANE!!!" and "(KEKW)" are the words INSANE and KEKW. */
    static String stripPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.codePointAt(start))) {
            start += Character.charCount(token.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(token.codePointBefore(end))) {
            end -= Character.charCount(token.codePointBefore(end));
        }
        return token.substring(start, end);
    }

    private static boolean matchesAny(String token, List<String> terms, boolean prefix) {
        for (String term : terms) {
            if (prefix ? token.startsWith(term) : token.contains(term)) {
                return true;
            }
        }
        return false;
    }
}
