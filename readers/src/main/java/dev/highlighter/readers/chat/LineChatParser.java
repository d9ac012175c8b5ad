package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import tools.jackson.core.JacksonException;

/** Base for the formats with one row per line: decoding errors and blank lines handled once here. */
abstract class LineChatParser implements ChatParser {

    protected final String file;
    private final LineSource lines;
    private long ignored;

    LineChatParser(String file, LineSource lines) {
        this.file = file;
        this.lines = lines;
    }

    @Override
    public ChatMessage next() throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (!line.ok()) {
                throw new MalformedRowException(file, line.number(), line.error(), line.text());
            }
            if (line.text().isBlank()) {
                continue;
            }
            ChatMessage message;
            try {
                message = parse(line.text(), line.number());
            } catch (IllegalArgumentException e) {
                throw new MalformedRowException(file, line.number(), e.getMessage(), line.text());
            } catch (JacksonException e) {
                // a JSON value of an unexpected type, found by the tree: the row is bad, the file is not
                throw new MalformedRowException(file, line.number(), "unexpected JSON: " + e.getOriginalMessage(), line.text());
            }
            if (message != null) {
                return message;
            }
            ignored++;
        }
        return null;
    }

    /**
     * One line to a message; null for a valid line that carries no message.
     *
     * @throws IllegalArgumentException with the reason, for a malformed line
     */
    protected abstract ChatMessage parse(String text, long lineNumber);

    @Override
    public long ignored() {
        return ignored;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
