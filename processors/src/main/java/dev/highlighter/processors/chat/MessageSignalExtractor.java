package dev.highlighter.processors.chat;

import dev.highlighter.core.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a chat message into its reaction signals: lexicon hits, shouting, punctuation runs, and
 * signs of a reaction that need no word list, so that they mean the same in any language: its
 * length, stretched characters (ㅋㅋㅋ, www, kkkk, 2333, !!!), emoji, emote-like CamelCase words.
 */
public class MessageSignalExtractor implements ItemProcessor<ChatMessage, MessageSignals> {

    /** Messages shorter than this are not judged for shouting ("GG" is not shouting). */
    static final int MIN_LETTERS_FOR_CAPS = 4;
    /** Share of capital letters above which a message counts as shouting. */
    static final double CAPS_SHARE = 0.7;

    /** A character this many times in a row stretches the message: ㅋㅋㅋ, www, !!!. */
    static final int STRETCH = 3;

    /** Longer "words" are pasted links and spam, not vocabulary. */
    static final int MAX_TOKEN_CHARS = 32;
    /** Words kept per message; copy-pasta walls would otherwise dominate a window. */
    static final int MAX_TOKENS = 32;

    /** Character classes of ASCII, looked up instead of asked of {@link Character} for every character of every message. */
    private static final byte WHITESPACE = 1;
    private static final byte LETTER = 2;
    private static final byte UPPER = 4;
    private static final byte LOWER = 8;
    private static final byte DIGIT = 16;
    private static final byte[] ASCII = new byte[128];
    private static final int CATEGORIES = ReactionLexicon.Category.values().length;

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) ((Character.isWhitespace(c) ? WHITESPACE : 0) | (Character.isLetter(c) ? LETTER : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0) | (Character.isDigit(c) ? DIGIT : 0));
        }
    }

    private final ReactionLexicon lexicon;
    /** Per thread: partitions of the job share this extractor, each on a thread of its own. */
    private final ThreadLocal<WordCache> words = ThreadLocal.withInitial(WordCache::new);

    public MessageSignalExtractor(ReactionLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public MessageSignals process(ChatMessage message) {
        String text = message.text();
        int[] counts = new int[CATEGORIES];
        int letters = 0;
        int upper = 0;
        boolean punctuation = false;
        boolean stretched = false;
        boolean camel = false;
        boolean emoji = false;
        int run = 0;
        List<String> tokens = new ArrayList<>(8);
        int start = -1;
        int hash = 0;
        WordCache cache = words.get();
        int length = text.length();
        char previous = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            byte ascii = c < 128 ? ASCII[c] : -1;
            boolean whitespace = ascii >= 0 ? (ascii & WHITESPACE) != 0 : Character.isWhitespace(c);
            run = i > 0 && c == previous ? run + 1 : 1;
            stretched |= run >= STRETCH && !whitespace;
            // emoji and other pictographs: Unicode's "other symbol" class, most of them outside the BMP
            emoji |= c >= 0x2190 && !Character.isLowSurrogate(c) && Character.getType(text.codePointAt(i)) == Character.OTHER_SYMBOL;
            if (whitespace) {
                if (start >= 0) {
                    WordCache.Word w = i - start <= MAX_TOKEN_CHARS ? cache.get(text, start, i, hash) : null;
                    if (w == null) {
                        w = learn(cache, text, start, i);
                    }
                    camel |= w.camel();
                    for (int k = 0; k < CATEGORIES; k++) {
                        counts[k] += w.categories() >>> k & 1;
                    }
                    String word = w.lower();
                    // a linear check beats hashing for the few words of a chat message
                    if (word.length() <= MAX_TOKEN_CHARS && tokens.size() < MAX_TOKENS && !tokens.contains(word)) {
                        tokens.add(word);
                    }
                    start = -1;
                }
                previous = c;
                continue;
            }
            if (start < 0) {
                start = i;
                hash = 0;
            }
            hash = 31 * hash + c; // String.hashCode of the word, for the cache
            if (ascii >= 0 ? (ascii & LETTER) != 0 : Character.isLetter(c)) {
                letters++;
                if (ascii >= 0 ? (ascii & UPPER) != 0 : Character.isUpperCase(c)) {
                    upper++;
                }
            }
            if ((c == '!' || c == '?') && i > 0 && (previous == '!' || previous == '?')) {
                punctuation = true;
            }
            previous = c;
        }
        boolean shouting = letters >= MIN_LETTERS_FOR_CAPS && upper >= CAPS_SHARE * letters;
        String user = message.user() == null ? null : message.user().toLowerCase(Locale.ROOT);
        return new MessageSignals(message.offsetMs(), user, normalise(text),
                counts[ReactionLexicon.Category.LAUGH.ordinal()], counts[ReactionLexicon.Category.HYPE.ordinal()],
                counts[ReactionLexicon.Category.EMOTE.ordinal()], shouting, punctuation, tokens,
                text.codePointCount(0, text.length()), stretched, emoji, camel);
    }

    /** A word's signals, computed from its characters and kept for the next time (words longer than any token are not kept). */
    private WordCache.Word learn(WordCache cache, String text, int from, int to) {
        String original = text.substring(from, to);
        // lower-cased once: the lexicon matches case-insensitively and reuses an unchanged string
        String lower = original.toLowerCase(Locale.ROOT);
        int[] hits = new int[CATEGORIES];
        lexicon.count(lower, hits);
        int categories = 0;
        for (int k = 0; k < CATEGORIES; k++) {
            // a word counts at most once per category: its exact categories, then a prefix or substring in the others
            categories |= (hits[k] > 0 ? 1 : 0) << k;
        }
        WordCache.Word word = new WordCache.Word(lower, categories, isCamel(text, from, to));
        if (to - from <= MAX_TOKEN_CHARS) {
            cache.put(original, word);
        }
        return word;
    }

    /**
     * An emote-like word: letters (and digits) with a capital after the first character and a
     * lower-case letter somewhere, as Twitch and BTTV emotes are named (PogChamp, monkaS,
     * FeelsBadMan), not all-caps shouting.
     */
    static boolean isCamel(String text, int from, int to) {
        if (to - from < 4 || to - from > MAX_TOKEN_CHARS) {
            return false;
        }
        boolean lower = false;
        boolean innerUpper = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0x7f || (ASCII[c] & (LETTER | DIGIT)) == 0) {
                return false;
            }
            lower |= (ASCII[c] & LOWER) != 0;
            innerUpper |= i > from && (ASCII[c] & UPPER) != 0;
        }
        return lower && innerUpper;
    }


    /** Lower case, single spaces, and long letter runs cut to three, so "LULLLL" repeats "LULL". */
    static String normalise(String text) {
        char[] out = new char[Math.min(text.length(), 64)];
        int n = 0;
        char last = 0;
        int run = 0;
        for (int i = 0; i < text.length() && n < 64; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                c = (ASCII[c] & WHITESPACE) != 0 ? ' ' : (ASCII[c] & UPPER) != 0 ? (char) (c + ('a' - 'A')) : c;
            } else {
                c = Character.toLowerCase(c);
                if (Character.isWhitespace(c)) {
                    c = ' ';
                }
            }
            run = c == last ? run + 1 : 1;
            last = c;
            boolean space = c == ' ';
            if (space ? run == 1 && n > 0 : run <= 3) {
                out[n++] = c;
            }
        }
        // every whitespace became one space, never the first: stripping drops at most a trailing one
        return new String(out, 0, n > 0 && out[n - 1] == ' ' ? n - 1 : n);
    }
}
