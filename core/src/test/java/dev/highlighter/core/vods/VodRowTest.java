package dev.highlighter.core.vods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VodRowTest {

    @Test
    void typesTheColumnsItHas() {
        VodRow row = new VodRow("v1", Map.of(VodColumn.STATUS, "SCORED", VodColumn.MEDIA_STATUS, "AUDIO_DROPPED",
                VodColumn.DATE, "2019-10-03", VodColumn.CHAT_MESSAGES, "1234", VodColumn.MODEL_VERSION, "rule-v0"));
        assertThat(row.status()).contains(VodStatus.SCORED);
        assertThat(row.mediaStatus()).contains(MediaStatus.AUDIO_DROPPED);
        assertThat(row.mediaStatus().orElseThrow().cuttable()).isTrue();
        assertThat(row.date()).contains(LocalDate.of(2019, 10, 3));
        assertThat(row.number(VodColumn.CHAT_MESSAGES)).hasValue(1234);
        assertThat(row.modelVersion()).contains("rule-v0");
        assertThat(row.get(VodColumn.FAILURE)).isEmpty();
        assertThat(row.number(VodColumn.MEDIA_CUTS)).isEmpty();
    }

    @Test
    void aValueThatDoesNotParseNamesTheVodAndColumn() {
        VodRow row = new VodRow("v2", Map.of(VodColumn.MEDIA_STATUS, "MAYBE", VodColumn.CHAT_MESSAGES, "many"));
        assertThatThrownBy(row::mediaStatus).hasMessageContaining("v2").hasMessageContaining(VodColumn.MEDIA_STATUS.qualifier() + " 'MAYBE'")
                .hasMessageContaining("DEGRADED_TO_CHAT");
        assertThatThrownBy(() -> row.number(VodColumn.CHAT_MESSAGES)).hasMessageContaining(VodColumn.CHAT_MESSAGES.qualifier() + " 'many'");
    }

    @Test
    void onlyADegradedVideoCannotBeCut() {
        assertThat(MediaStatus.OK.cuttable()).isTrue();
        assertThat(MediaStatus.DEGRADED_TO_CHAT.cuttable()).isFalse();
    }
}
