package dev.highlighter.core.vods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

/** The names rows already in HBase use: renaming a constant must not rename its column. */
class VodColumnTest {

    @Test
    void qualifiersAreTheStoredNames() {
        assertThat(Arrays.stream(VodColumn.values()).map(VodColumn::qualifier)).containsExactly(
                "channel", "date", "video_path", "chat_path",
                "chat_format", "chat_messages", "chat_windows", "chat_rejected", "chat_ignored",
                "media_codecs", "media_windows", "media_cuts", "media_status", "media_error",
                "status", "duration_ms", "highlights", "model_version", "model_scope",
                "reel_path", "reel_mode", "reel_duration_s",
                "failure", "last_job_execution");
        assertThat(VodColumn.MEDIA_STATUS.bytes()).isEqualTo(Bytes.toBytes("media_status"));
    }

    @Test
    void statusValuesAreTheStoredNames() {
        assertThat(Arrays.stream(VodStatus.values()).map(Enum::name)).containsExactly("SCORED", "FAILED");
        assertThat(Arrays.stream(MediaStatus.values()).map(Enum::name)).containsExactly("OK", "AUDIO_DROPPED", "DEGRADED_TO_CHAT");
    }
}
