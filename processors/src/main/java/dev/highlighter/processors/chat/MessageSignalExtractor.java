package dev.highlighter.processors.chat;

import dev.highlighter.core.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Turns a chat message into its reaction signals: lexicon hits, shouting, punctuation runs. */
public class MessageSignalExtractor implements ItemProcessor<ChatMessage, MessageSignals> {

    /** Messages shorter than this are not judged for shouting ("GG" is not shouting). */
    static final int MIN_LETTERS_FOR_CAPS = 4;
    /** Share of capital letters above which a message counts as shouting. */
    static final double CAPS_SHARE = 0.7;

    /** Longer "words" are pasted links and spam, not vocabulary. */
    static final int MAX_TOKEN_CHARS = 32;
    /** Words kept per message; copy-pasta walls would otherwise dominate a window. */
    static final int MAX_TOKENS = 32;

    private final ReactionLexicon lexicon;

    public MessageSignalExtractor(ReactionLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public MessageSignals process(ChatMessage message) {
        String text = message.text();
        int[] counts = new int[ReactionLexicon.Category.values().length];
        int letters = 0;
        int upper = 0;
        boolean punctuation = false;
        List<String> tokens = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    // lower-cased once: the lexicon matches case-insensitively and reuses an unchanged string
                    String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                    lexicon.count(word, counts);
                    // a linear check beats hashing for the few words of a chat message
                    if (word.length() <= MAX_TOKEN_CHARS && tokens.size() < MAX_TOKENS && !tokens.contains(word)) {
                        tokens.add(word);
                    }
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
            if ((c == '!' || c == '?') && i > 0 && (text.charAt(i - 1) == '!' || text.charAt(i - 1) == '?')) {
                punctuation = true;
            }
        }
        boolean shouting = letters >= MIN_LETTERS_FOR_CAPS && upper >= CAPS_SHARE * letters;
        String user = message.user() == null ? null : message.user().toLowerCase(Locale.ROOT);
        return new MessageSignals(message.offsetMs(), user, normalise(text),
                counts[ReactionLexicon.Category.LAUGH.ordinal()], counts[ReactionLexicon.Category.HYPE.ordinal()],
                counts[ReactionLexicon.Category.EMOTE.ordinal()], shouting, punctuation, tokens);
    }

    /** Lower case, single spaces, and long letter runs cut to three, so "LULLLL" repeats "LULL". */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
        char last = 0;
        int run = 0;
        for (int i = 0; i < text.length() && out.length() < 64; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isWhitespace(c)) {
                c = ' ';
            }
            run = c == last ? run + 1 : 1;
            last = c;
            boolean space = c == ' ';
            if (space ? run == 1 && out.length() > 0 : run <= 3) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
