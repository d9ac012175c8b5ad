package dev.highlighter.readers;

import dev.highlighter.core.RejectedRecord;

/**
 * One input row (a chat message, a feedback event) that could not be read. The step skips it,
 * counts it and quarantines it; the message always names the file, the line and what was wrong.
 */
public class MalformedRowException extends RuntimeException implements RejectedRecord {

    /** Quarantined rows keep at most this much of the raw text: enough to see what was wrong. */
    public static final int RAW_EXCERPT_CHARS = 2048;

    private final String file;
    private final long line;
    private final String reason;
    private final String raw;

    public MalformedRowException(String file, long line, String reason, String raw) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
        this.raw = raw == null ? null : raw.length() > RAW_EXCERPT_CHARS ? raw.substring(0, RAW_EXCERPT_CHARS) : raw;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String reason() {
        return reason;
    }

    /** An excerpt of the raw row, or null when it could not be decoded at all. */
    @Override
    public String raw() {
        return raw;
    }
}
