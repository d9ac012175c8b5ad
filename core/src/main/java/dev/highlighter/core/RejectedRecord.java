package dev.highlighter.core;

/** An input record that was refused: where it was and why, for the quarantine. */
public interface RejectedRecord {

    String file();

    /** 1-based line (or record) number in the file, or -1 when unknown. */
    long line();

    String reason();

    /** An excerpt of the raw input, or null when it could not be decoded. */
    String raw();
}
