package dev.highlighter.readers.chat;

/**
 * A chat file that cannot be read at all: its CSV header is unreadable or does not fit the
 * mapping. Unlike a malformed row it is not skipped; it fails the file's VOD, and its message
 * names the file, the line and the cause.
 */
public class ChatFileException extends RuntimeException {

    public ChatFileException(String message) {
        super(message);
    }
}
