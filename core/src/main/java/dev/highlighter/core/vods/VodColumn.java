package dev.highlighter.core.vods;

import dev.highlighter.core.HBaseSchema;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The columns of a VOD's row in {@code vods} (family {@link HBaseSchema#DATA}), the one place
 * their names are spelled. Values are strings so that the HBase shell shows them as they are.
 */
public enum VodColumn {

    // found by discovery
    CHANNEL("channel"),
    DATE("date"),
    VIDEO_PATH("video_path"),
    CHAT_PATH("chat_path"),
    // the chat step
    CHAT_FORMAT("chat_format"),
    CHAT_MESSAGES("chat_messages"),
    CHAT_WINDOWS("chat_windows"),
    CHAT_REJECTED("chat_rejected"),
    CHAT_IGNORED("chat_ignored"),
    // the media step
    MEDIA_CODECS("media_codecs"),
    MEDIA_WINDOWS("media_windows"),
    MEDIA_CUTS("media_cuts"),
    /** A {@link MediaStatus}. */
    MEDIA_STATUS("media_status"),
    /** Why the media is degraded, empty when it is not. */
    MEDIA_ERROR("media_error"),
    // the segments step
    /** A {@link VodStatus}. */
    STATUS("status"),
    DURATION_MS("duration_ms"),
    HIGHLIGHTS("highlights"),
    /** The model version the VOD's current highlights come from. */
    MODEL_VERSION("model_version"),
    /** The scope whose champion that version is (a channel, a group of channels, or default). */
    MODEL_SCOPE("model_scope"),
    // the reel step
    REEL_PATH("reel_path"),
    REEL_MODE("reel_mode"),
    REEL_DURATION_S("reel_duration_s"),
    // the summary
    /** Why the last run failed the VOD; removed when a later run completes it. */
    FAILURE("failure"),
    /** The job execution that last wrote the row: differs between runs by design. */
    LAST_JOB_EXECUTION("last_job_execution");

    private final String qualifier;
    private final byte[] bytes;

    VodColumn(String qualifier) {
        this.qualifier = qualifier;
        this.bytes = Bytes.toBytes(qualifier);
    }

    /** The column qualifier as the HBase shell shows it. */
    public String qualifier() {
        return qualifier;
    }

    /** The column qualifier in HBase. */
    public byte[] bytes() {
        return bytes.clone();
    }
}
