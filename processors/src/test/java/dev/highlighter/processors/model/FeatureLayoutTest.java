package dev.highlighter.processors.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureLayoutTest {

    /** 200 windows of 5 s: 10 messages of 30 characters, but at window 100 a burst of 60 short ones, 10 of them with an emote. */
    static List<WindowFeatures> vod() {
        List<WindowFeatures> w = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean burst = i == 100;
            Map<String, Double> v = new HashMap<>();
            v.put(ChatFeatures.MESSAGES, burst ? 60.0 : 10.0);
            v.put(ChatFeatures.CHARS, burst ? 60 * 5.0 : 10 * 30.0);
            v.put(ChatFeatures.SPAM, burst ? 40.0 : 2.0);
            v.put(ChatFeatures.STRETCHED, burst ? 30.0 : 0.0);
            v.put(ChatFeatures.EMOJI, 0.0);
            v.put(ChatFeatures.CAMEL, burst ? 10.0 : 0.0);
            w.add(new WindowFeatures("v", i * 5_000L, v));
        }
        return w;
    }

    @Test
    void columnsNamesAndSignalsLineUpWithTheRows() {
        float[] rows = FeatureLayout.rows(vod(), 5_000, TokenVocabulary.empty());
        assertThat(rows).hasSize(200 * FeatureLayout.width());
        assertThat(FeatureLayout.columns()).hasSize(FeatureLayout.width()).doesNotHaveDuplicates();
        assertThat(FeatureLayout.signalOfColumn()).hasSize(FeatureLayout.width());
        int width = FeatureLayout.width();
        int camelNow = FeatureLayout.columns().indexOf(ChatFeatures.CAMEL + "_share@0..10s");
        int lengthNow = FeatureLayout.columns().indexOf(ChatFeatures.CHARS + "_per_msg@0..10s");
        assertThat(rows[100 * width + camelNow]).isCloseTo(10f / 71, within(1e-6f));
        assertThat(rows[50 * width + camelNow]).isZero();
        // messages got shorter at the burst: below the VOD's mean length per message
        assertThat(rows[100 * width + lengthNow]).isLessThan(0.5f);
        assertThat(rows[50 * width + lengthNow]).isGreaterThan(1f);
        // measured and left out of the columns: they did not help transfer
        assertThat(FeatureLayout.signalOfColumn()).doesNotContain(ChatFeatures.SPAM, ChatFeatures.STRETCHED, ChatFeatures.EMOJI);
    }

    @Test
    void anAblationDropsItsGroupsColumnsAndRefusesAnUnknownGroup() {
        assertThat(FeatureLayout.groups()).contains("length", "camel", "lexicon", "vocab", "users", "rise", "media")
                .doesNotContain(FeatureLayout.BASE);
        Set<String> without = Set.of("camel", "rise");
        int kept = FeatureLayout.width(without);
        assertThat(kept).isEqualTo(FeatureLayout.width() - FeatureLayout.UNIVERSAL_RANGES.length - 1);
        float[] all = FeatureLayout.rows(vod(), 5_000, TokenVocabulary.empty());
        float[] some = FeatureLayout.select(all, 200, without);
        assertThat(some).hasSize(200 * kept);
        assertThat(FeatureLayout.signalOfColumn(without)).doesNotContain(ChatFeatures.CAMEL).hasSize(kept);
        assertThat(FeatureLayout.select(all, 200, Set.of())).isSameAs(all);
        assertThatThrownBy(() -> FeatureLayout.width(Set.of("vibes"))).hasMessageContaining("no feature group 'vibes'")
                .hasMessageContaining(FeatureLayout.VERSION);
    }

    @Test
    void aModelTrainedWithoutAGroupSaysSoInItsFile() {
        List<XgbTrainer.LabelledVod> vods = List.of(TokenVocabularyTest.vod("a", 200), TokenVocabularyTest.vod("b", 200));
        XgbHighlightModel model = XgbTrainer.train("xgb-ablated", vods, 5_000, Set.of("rise", "camel"));
        XgbHighlightModel back = ModelLoader.xgboost("xgb-ablated", ModelLoader.toJson(model));
        assertThat(back.without()).containsExactlyInAnyOrder("rise", "camel");
        List<WindowFeatures> windows = TokenVocabularyTest.vod("c", 60).windows();
        assertThat(back.predict(new dev.highlighter.core.WindowBatch("c", windows, List.of())))
                .extracting(dev.highlighter.core.ScoredWindow::probability)
                .containsExactlyElementsOf(model.predict(new dev.highlighter.core.WindowBatch("c", windows, List.of())).stream()
                        .map(dev.highlighter.core.ScoredWindow::probability).toList());
    }
}
