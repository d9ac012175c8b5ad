package dev.highlighter.readers.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The chat formats real users have (DESIGN.md, "Chat formats"), and how to tell them apart. */
public enum ChatFormat {
    /** TwitchDownloaderCLI / Twitch v5 comments JSON. */
    TWITCH_JSON,
    /** TwitchDownloaderCLI text export or an IRC-style log. */
    TWITCH_TEXT,
    /** yt-dlp YouTube live_chat.json, one replay action per line. */
    YTDLP_LIVE_CHAT,
    /** CSV with a column mapping. */
    CSV,
    /** {@code {"t":…, "user":…, "text":…}} per line. */
    JSONL;

    /** How much of the file's head detection looks at. */
    static final int SNIFF_BYTES = 64 * 1024;

    public static ChatFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown chat format '" + name + "'; one of twitch_json, twitch_text, ytdlp_live_chat, csv, jsonl");
        }
    }

    /**
     * Detects the format from the file name and its first bytes. The stream must support mark and
     * reset; it is left at its start.
     *
     * @throws ChatFileException when neither tells
     */
    public static ChatFormat detect(String fileName, InputStream in) throws IOException {
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".txt") || name.endsWith(".log")) {
            return TWITCH_TEXT;
        }
        if (text.startsWith("[") && !text.matches("(?s)^\\[\\d+:.*")) {
            return TWITCH_JSON;
        }
        if (text.startsWith("{")) {
            String firstLine = text.lines().findFirst().orElse("");
            if (firstLine.contains("\"replayChatItemAction\"") || firstLine.contains("\"videoOffsetTimeMsec\"")) {
                return YTDLP_LIVE_CHAT;
            }
            // one complete object per line, or one document spread over lines
            return firstLine.contains("\"comments\"") || firstLine.contains("\"video\"") || !firstLine.trim().endsWith("}")
                    ? TWITCH_JSON : JSONL;
        }
        if (text.startsWith("[")) {
            return TWITCH_TEXT;
        }
        throw new ChatFileException(fileName + ":1: cannot tell the chat format from the name or the first bytes;"
                + " set it explicitly (one of twitch_json, twitch_text, ytdlp_live_chat, csv, jsonl)");
    }
}
