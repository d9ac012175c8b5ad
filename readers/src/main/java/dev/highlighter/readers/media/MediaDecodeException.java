package dev.highlighter.readers.media;

/** A video file that cannot be decoded; the message names the file and the problem. */
public class MediaDecodeException extends RuntimeException {

    public MediaDecodeException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediaDecodeException(String message) {
        super(message);
    }
}
