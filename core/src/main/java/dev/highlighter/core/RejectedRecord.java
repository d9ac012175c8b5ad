package dev.highlighter.core;

/** An input record that was refused: where it was and why, for the quarantine. */
public interface RejectedRecord {

    String file();

    /** 1-based line (or record) number in the file, or -1 when unknown. */
    long line();

    String reason();

    /** An excerpt of the raw input (undecodable bytes shown as U+FFFD), or null when there is none. */
    String raw();

    /** Input rows this record stands for: more than one for a block refused as a whole. */
    default long rows() {
        return 1;
    }
}
