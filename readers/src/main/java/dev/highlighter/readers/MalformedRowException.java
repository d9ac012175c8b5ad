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
    private final long rows;

    public MalformedRowException(String file, long line, String reason, String raw) {
        this(file, line, reason, raw, 1);
    }

    /** A block of {@code rows} input rows refused as one, from {@code line} on; raw is a sample of it. */
    public MalformedRowException(String file, long line, String reason, String raw, long rows) {
        // no stack trace: the file and line say where, and a junk file raises one per line
        super(file + ":" + line + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
        this.raw = raw == null ? null : raw.length() > RAW_EXCERPT_CHARS ? raw.substring(0, RAW_EXCERPT_CHARS) : raw;
        this.rows = rows;
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

    /** The raw row, or a sample of a block, capped at {@link #RAW_EXCERPT_CHARS}; null when there is nothing to show. */
    @Override
    public String raw() {
        return raw;
    }

    @Override
    public long rows() {
        return rows;
    }
}
