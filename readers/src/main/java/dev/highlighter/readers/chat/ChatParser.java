package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.Closeable;
import java.io.IOException;

/** Streams the messages of one chat file in one format. */
public interface ChatParser extends Closeable {

    /**
     * The next message, or null at the end of the file.
     *
     * @throws MalformedRowException for a row that cannot be read; the parser has already
     *                                   moved past it, so the caller may skip it and go on
     */
    ChatMessage next() throws IOException;

    /** Rows that are valid but carry no chat message (notices, banners, tickers): not errors. */
    long ignored();
}
