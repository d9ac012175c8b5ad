package dev.highlighter.core;

import org.apache.hadoop.hbase.util.Bytes;

/** The columns of a segment's row in {@code highlights} (family {@link HBaseSchema#DATA}), the one place their names are spelled. */
public enum HighlightColumn {

    START_MS("start_ms"),
    END_MS("end_ms"),
    SCORE("score"),
    RANK("rank"),
    MODEL_VERSION("model_version"),
    /** The scope whose champion scored the segment: a channel, a group of channels, or default. */
    MODEL_SCOPE("model_scope"),
    /** Comma-separated names of the features that drove the score most. */
    TOP_FEATURES("top_features"),
    /** Comma-separated signals the score used: chat, media. */
    SIGNALS("signals"),
    /** The job execution that wrote the segment: differs between runs by design. */
    JOB_EXECUTION("job_execution");

    private final String qualifier;
    private final byte[] bytes;

    HighlightColumn(String qualifier) {
        this.qualifier = qualifier;
        this.bytes = Bytes.toBytes(qualifier);
    }

    public String qualifier() {
        return qualifier;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
