package dev.highlighter.processors.chat;

import java.util.Collections;
import java.util.List;

/**
 * What one message says about the moment it was sent, before any aggregation.
 *
 * @param userKey     a stable key of the author, or null when the format has no users
 * @param textKey     the message normalised for spotting copy-paste bursts
 * @param laugh       laughter tokens
 * @param hype        hype tokens
 * @param emotes      emote tokens
 * @param shouting    the message is mostly capitals
 * @param punctuation the message has a run of '!' or '?'
 * @param tokens      the message's distinct words, lower case, each once, for the vocabulary a trained model learns
 * @param chars       its length in characters (code points): reactions are short in any language
 * @param stretched   it has a run of three or more of one character: ㅋㅋㅋ, www, kkkk, 2333, !!!, LULLL
 * @param emoji       it has an emoji or another pictographic symbol
 * @param camel       it has an emote-like CamelCase word (PogChamp, monkaS, BibleThump)
 */
public record MessageSignals(long offsetMs, String userKey, String textKey, int laugh, int hype, int emotes,
                             boolean shouting, boolean punctuation, List<String> tokens, int chars, boolean stretched,
                             boolean emoji, boolean camel) {

    public MessageSignals {
        // a view, not a copy: this runs for every message (the extractor hands its list over)
        tokens = Collections.unmodifiableList(tokens);
    }
}
