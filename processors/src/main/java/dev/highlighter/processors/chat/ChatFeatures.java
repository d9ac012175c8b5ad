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
