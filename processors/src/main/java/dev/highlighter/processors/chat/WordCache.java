package dev.highlighter.processors.chat;

/**
 * What the signal extractor learns of a word from its characters alone (its lower case, its
 * lexicon categories, whether it is emote-like), kept for the words a chat repeats: most words
 * of a chat are a few hundred emotes and reactions, said again and again. A lookup reads the
 * word where it stands in the message, so a word seen before costs no String at all, and its
 * lower case is one shared instance whose hash is already known to the window's word counts.
 *
 * <p>Open addressing over a fixed table; once half full it learns no more words (it still
 * answers for the ones it has), so its memory is bounded: about 2 MB per thread at most.
 */
final class WordCache {

    /** Slots of the table, a power of two. */
    static final int SLOTS = 1 << 15;
    /** Words learnt at most: half the slots, so probes stay short. */
    static final int MAX_WORDS = SLOTS / 2;

    /** A word's signals: its lower case, and a bit per lexicon category (by ordinal) it counts for. */
    record Word(String lower, int categories, boolean camel) {
    }

    private final String[] keys = new String[SLOTS];
    private final Word[] words = new Word[SLOTS];
    private int size;

    /** The word {@code text[from, to)}, whose {@link String#hashCode} style hash is {@code hash}, or null if not learnt. */
    Word get(String text, int from, int to, int hash) {
        int length = to - from;
        for (int slot = slot(hash); ; slot = (slot + 1) & (SLOTS - 1)) {
            String key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.length() == length && key.hashCode() == hash && text.regionMatches(from, key, 0, length)) {
                return words[slot];
            }
        }
    }

    /** Learns a word, unless the table is full. */
    void put(String word, Word signals) {
        if (size >= MAX_WORDS) {
            return;
        }
        int slot = slot(word.hashCode());
        while (keys[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[slot] = word;
        words[slot] = signals;
        size++;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 17;
    }
}
