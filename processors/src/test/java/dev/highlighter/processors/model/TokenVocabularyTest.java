package dev.highlighter.processors.model;

import dev.highlighter.core.LabelledVod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenVocabularyTest {

    /**
     * 5 s windows of 10 messages of "hello"; every 20th window is a labelled highlight, and the
     * two windows after it also hold "penta" (chat reacting). "kappa" is everywhere.
     */
    static XgbTrainer.LabelledVod vod(String id, int windows) {
        List<WindowFeatures> w = new ArrayList<>();
        float[] labels = new float[windows];
        for (int i = 0; i < windows; i++) {
            Map<String, Double> v = new HashMap<>();
            v.put(ChatFeatures.MESSAGES, 10.0);
            v.put(ChatFeatures.token("hello"), 8.0);
            v.put(ChatFeatures.token("kappa"), 2.0);
            boolean reacting = i % 20 == 1 || i % 20 == 2;
            if (reacting) {
                v.put(ChatFeatures.token("penta"), 6.0);
            }
            labels[i] = i % 20 == 0 ? 1 : 0;
            w.add(new WindowFeatures(id, i * 5_000L, v));
        }
        return new XgbTrainer.LabelledVod(id, w, labels);
    }

    @Test
    void learnsTheWordsThatFollowHighlightsAndScoresWindowsByThem() {
        TokenVocabulary v = TokenVocabulary.learn(List.of(vod("a", 200), vod("b", 200)), 5_000);
        assertThat(v.top(1)).containsExactly("penta");
        WindowFeatures reacting = vod("c", 3).windows().get(1);
        WindowFeatures quiet = vod("c", 5).windows().get(4);
        assertThat(v.score(reacting)[0]).isGreaterThan(v.score(quiet)[0]);
        assertThat(v.score(reacting)[1]).isEqualTo(6.0); // the six "penta" uses are strong reaction words
        assertThat(v.score(quiet)[0]).isLessThan(v.score(reacting)[0] / 10); // words used everywhere say little
    }

    @Test
    void rareTokensAreLeftOut() {
        XgbTrainer.LabelledVod small = vod("a", 20); // "penta" only 12 times: below the minimum count
        assertThat(TokenVocabulary.learn(List.of(small), 5_000).top(10)).doesNotContain("penta");
    }

    @Test
    void survivesItsTextFormAndNamesTheBadLine() {
        TokenVocabulary v = TokenVocabulary.learn(List.of(vod("a", 200)), 5_000);
        TokenVocabulary back = TokenVocabulary.parse(v.serialise());
        assertThat(back.size()).isEqualTo(v.size());
        assertThat(back.top(3)).isEqualTo(v.top(3));
        assertThatThrownBy(() -> TokenVocabulary.parse("pog\t1.5\nbroken line\n"))
                .hasMessageContaining("line 2").hasMessageContaining("broken line");
    }
}
