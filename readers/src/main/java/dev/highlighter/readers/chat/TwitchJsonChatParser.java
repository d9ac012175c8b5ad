package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * TwitchDownloaderCLI chat JSON and the Twitch v5 comments it mirrors: {@code {"video":…,
 * "comments":[…]}} or a bare array of comments. These files reach hundreds of MB, so they are
 * read token by token and one comment at a time; nothing else is kept.
 */
final class TwitchJsonChatParser implements ChatParser {

    private final String file;
    private final JsonParser json;
    private boolean inComments;
    private boolean done;
    private long ignored;

    TwitchJsonChatParser(String file, InputStream in, JsonFactory factory) {
        this.file = file;
        this.json = factory.createParser(ObjectReadContext.empty(), in);
    }

    @Override
    public ChatMessage next() throws IOException {
        if (done) {
            return null;
        }
        try {
            if (!inComments) {
                seekComments();
                if (done) {
                    return null;
                }
            }
            while (true) {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    done = true;
                    return null;
                }
                long line = json.currentLocation().getLineNr();
                long offset = json.currentLocation().getByteOffset();
                if (token != JsonToken.START_OBJECT) {
                    json.skipChildren();
                    throw new MalformedRowException(file, line, "comment at byte " + offset + " is not an object", null);
                }
                CommentFields comment = readComment();
                if (comment.offsetError != null) {
                    throw new MalformedRowException(file, line, "comment at byte " + offset + ": " + comment.offsetError, comment.text());
                }
                if (comment.text() == null) {
                    ignored++;
                    continue;
                }
                return new ChatMessage(comment.offsetMs, comment.user(), comment.text(), line);
            }
        } catch (JacksonException e) {
            // a syntax error ends what can be read of a JSON document: report where, keep what came before
            done = true;
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new MalformedRowException(file, line,
                    "invalid JSON at byte " + offset + " (" + e.getOriginalMessage() + "); the rest of the file is unreadable", null);
        }
    }

    /** Positions the parser inside the comments array, whichever of the two layouts the file has. */
    private void seekComments() {
        JsonToken first = json.nextToken();
        if (first == JsonToken.START_ARRAY) {
            inComments = true;
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            done = true;
            throw new MalformedRowException(file, 1, "not a Twitch chat JSON document (neither an object nor an array)", null);
        }
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if ("comments".equals(name) && value == JsonToken.START_ARRAY) {
                inComments = true;
                return;
            }
            json.skipChildren();
        }
        done = true;
        throw new MalformedRowException(file, json.currentLocation().getLineNr(), "no 'comments' array in the document", null);
    }

    private CommentFields readComment() {
        CommentFields c = new CommentFields();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "content_offset_seconds" -> c.offset(value, json);
                case "commenter" -> readCommenter(c, value);
                case "message" -> readMessage(c, value);
                default -> json.skipChildren();
            }
        }
        if (c.offsetMs < 0 && c.offsetError == null) {
            c.offsetError = "no content_offset_seconds";
        }
        return c;
    }

    private void readCommenter(CommentFields c, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            if ("display_name".equals(name) && json.currentToken() == JsonToken.VALUE_STRING) {
                c.displayName = json.getString();
            } else if ("name".equals(name) && json.currentToken() == JsonToken.VALUE_STRING) {
                c.name = json.getString();
            } else {
                json.skipChildren();
            }
        }
    }

    private void readMessage(CommentFields c, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            JsonToken token = json.nextToken();
            if ("body".equals(name) && token == JsonToken.VALUE_STRING) {
                c.body = json.getString();
            } else if ("fragments".equals(name) && token == JsonToken.START_ARRAY) {
                readFragments(c);
            } else {
                json.skipChildren();
            }
        }
    }

    private void readFragments(CommentFields c) {
        StringBuilder text = new StringBuilder();
        JsonToken fragment;
        while ((fragment = json.nextToken()) != JsonToken.END_ARRAY && fragment != null) {
            if (fragment != JsonToken.START_OBJECT) {
                json.skipChildren(); // not a fragment object: stepping over it keeps the parser in the array
                continue;
            }
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                if ("text".equals(name) && token == JsonToken.VALUE_STRING) {
                    text.append(json.getString());
                } else {
                    json.skipChildren();
                }
            }
        }
        c.fragments = text.toString();
    }

    @Override
    public long ignored() {
        return ignored;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    /** What one comment object held; the offset is checked after the whole object is consumed. */
    private static final class CommentFields {
        long offsetMs = -1;
        String offsetError;
        String displayName;
        String name;
        String body;
        String fragments;

        void offset(JsonToken token, JsonParser json) {
            if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                try {
                    offsetMs = Offsets.checked(json.getDoubleValue() * 1000, json.getString());
                } catch (IllegalArgumentException e) {
                    offsetError = e.getMessage();
                }
            } else if (token == JsonToken.VALUE_STRING) {
                try {
                    offsetMs = Offsets.secondsToMs(json.getString());
                } catch (IllegalArgumentException e) {
                    offsetError = "content_offset_seconds: " + e.getMessage();
                }
            } else {
                offsetError = "content_offset_seconds is " + token + ", not a number";
                json.skipChildren();
            }
        }

        String user() {
            return displayName != null ? displayName : name;
        }

        /** The body where there is one; older exports only have fragments. */
        String text() {
            return body != null ? body : fragments;
        }
    }
}
