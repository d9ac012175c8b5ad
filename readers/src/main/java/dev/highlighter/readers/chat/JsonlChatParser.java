package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One JSON object per line: {@code {"t": seconds, "user": "...", "text": "..."}}. */
final class JsonlChatParser extends LineChatParser {

    private final ObjectMapper mapper;

    JsonlChatParser(String file, LineSource lines, ObjectMapper mapper) {
        super(file, lines);
        this.mapper = mapper;
    }

    @Override
    protected ChatMessage parse(String text, long lineNumber) {
        JsonNode row = JsonLines.parse(mapper, text);
        JsonNode t = row.get("t");
        if (t == null || t.isNull()) {
            throw new IllegalArgumentException("no offset field 't'");
        }
        long offsetMs;
        if (t.isNumber()) {
            offsetMs = Offsets.checked(t.asDouble() * 1000, t.toString());
        } else if (t.isString()) {
            offsetMs = Offsets.secondsToMs(t.asString());
        } else {
            throw new IllegalArgumentException("offset field 't' is " + JsonLines.kind(t) + ", not a number");
        }
        JsonNode body = row.get("text");
        if (body == null || !body.isString()) {
            throw new IllegalArgumentException("no string field 'text'");
        }
        JsonNode user = row.get("user");
        if (user != null && user.isContainer()) {
            throw new IllegalArgumentException("field 'user' is " + JsonLines.kind(user) + ", not a string");
        }
        return new ChatMessage(offsetMs, user == null || user.isNull() ? null : user.asString(), body.asString(), lineNumber);
    }
}

/** One line of a JSON-lines file, parsed on its own: lines are bounded, so a small tree is fine. */
final class JsonLines {

    private JsonLines() {
    }

    static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** "an object" or "an array", for a reason that says what was found. */
    static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
