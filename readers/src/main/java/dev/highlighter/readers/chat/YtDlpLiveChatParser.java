package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * yt-dlp's YouTube {@code live_chat.json}: one replay action per line. Lines without a chat item
 * (membership notices, banners, tickers) are valid and ignored, not errors.
 */
final class YtDlpLiveChatParser extends LineChatParser {

    private static final String[] RENDERERS = {"liveChatTextMessageRenderer", "liveChatPaidMessageRenderer"};

    private final ObjectMapper mapper;

    YtDlpLiveChatParser(String file, LineSource lines, ObjectMapper mapper) {
        super(file, lines);
        this.mapper = mapper;
    }

    @Override
    protected ChatMessage parse(String text, long lineNumber) {
        JsonNode row = JsonLines.parse(mapper, text);
        JsonNode replay = row.path("replayChatItemAction");
        JsonNode renderer = null;
        for (JsonNode action : replay.path("actions")) {
            JsonNode item = action.path("addChatItemAction").path("item");
            for (String name : RENDERERS) {
                if (item.has(name)) {
                    renderer = item.get(name);
                }
            }
        }
        if (renderer == null) {
            return null;
        }
        String offset = replay.path("videoOffsetTimeMsec").asString(null);
        if (offset == null) {
            offset = row.path("videoOffsetTimeMsec").asString(null);
        }
        if (offset == null) {
            throw new IllegalArgumentException("chat item without videoOffsetTimeMsec");
        }
        StringBuilder body = new StringBuilder();
        for (JsonNode run : renderer.path("message").path("runs")) {
            if (run.has("text")) {
                body.append(run.get("text").asString("")); // "" for a text that is not a string
            } else if (run.has("emoji")) {
                body.append(emojiText(run.get("emoji")));
            }
        }
        String user = renderer.path("authorName").path("simpleText").asString(null);
        return new ChatMessage(Offsets.millisToMs(offset), user, body.toString(), lineNumber);
    }

    /** Custom emotes read best as their shortcut (":_kekw:"); standard emoji as themselves. */
    private static String emojiText(JsonNode emoji) {
        JsonNode shortcuts = emoji.path("shortcuts");
        if (emoji.path("isCustomEmoji").asBoolean(false) && shortcuts.size() > 0) {
            return shortcuts.path(0).asString("");
        }
        String id = emoji.path("emojiId").asString("");
        return id.isEmpty() && shortcuts.size() > 0 ? shortcuts.path(0).asString("") : id;
    }
}
