package dev.highlighter.processors.chat;

import java.util.List;

/** Names of the chat features, as written to HBase {@code windows:c}. */
public final class ChatFeatures {

    public static final String MESSAGES = "chat_msgs";
    public static final String RATE = "chat_rate";
    public static final String USERS = "chat_users";
    public static final String LAUGH = "chat_laugh";
    public static final String HYPE = "chat_hype";
    public static final String EMOTES = "chat_emotes";
    public static final String REPEATS = "chat_repeats";
    public static final String SHOUTING = "chat_shouting";
    public static final String PUNCTUATION = "chat_punct";

    /** Characters of all messages: with the message count, how long messages are (reactions are short). */
    public static final String CHARS = "chat_chars";
    /** Messages with the window's most used word, its letter runs cut to two (kkkk, ㅋㅋㅋ, 2333, !!!, 草草): one token spammed. */
    public static final String SPAM = "chat_spam";
    /** Messages with a run of three or more of one character. */
    public static final String STRETCHED = "chat_stretched";
    /** Messages with an emoji or another pictograph. */
    public static final String EMOJI = "chat_emoji";
    /** Messages with an emote-like CamelCase word. */
    public static final String CAMEL = "chat_camel";
    /** Counts that need no word list and mean the same in any language; no z-score (rule-v0 does not read them). */
    public static final List<String> UNIVERSAL = List.of(CHARS, SPAM, STRETCHED, EMOJI, CAMEL);

    /** The features that also get a robust z-score, named {@code <feature>_z}. */
    public static final List<String> SCORED = List.of(RATE, USERS, LAUGH, HYPE, EMOTES, REPEATS, SHOUTING, PUNCTUATION);

    /** Token counts are named {@code tok:<token>} and stored in {@code windows:t}, apart from the features. */
    public static final String TOKEN_PREFIX = dev.highlighter.core.HBaseSchema.TOKEN_PREFIX;

    private ChatFeatures() {
    }

    public static String z(String feature) {
        return feature + "_z";
    }

    public static String token(String word) {
        return TOKEN_PREFIX + word;
    }

    public static boolean isToken(String name) {
        return name.startsWith(TOKEN_PREFIX);
    }
}
