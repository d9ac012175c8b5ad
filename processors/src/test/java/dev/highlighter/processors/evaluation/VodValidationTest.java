package dev.highlighter.processors.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VodValidationTest {

    @Test
    void foldsDealEveryVodOnceAndRefuseFewerThanTwo() {
        List<String> vods = IntStream.range(0, 10).mapToObj(i -> "v" + i).toList();
        List<List<String>> folds = VodValidation.folds(vods, 4);
        assertThat(folds).hasSize(4);
        assertThat(folds.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(vods);
        assertThat(folds.get(1)).containsExactly("v1", "v5", "v9");
        assertThatThrownBy(() -> VodValidation.folds(vods, 1)).hasMessageContaining("at least 2 folds");
    }

    @Test
    void holdOutIsStableAndTakesAboutOneInFour() {
        long held = IntStream.range(0, 4000).filter(i -> VodValidation.holdOut("vod-" + i)).count();
        assertThat(held).isBetween(900L, 1100L);
        assertThat(VodValidation.holdOut("vod-17")).isEqualTo(VodValidation.holdOut("vod-17"));
    }

    @Test
    void labelsJudgeAWindowByItsMiddleInsideTheSpan() {
        List<WindowFeatures> windows = new ArrayList<>();
        for (long start = 0; start < 30_000; start += 5_000) {
            windows.add(new WindowFeatures("v", start, java.util.Map.of()));
        }
        LabelledVod label = new LabelledVod("v", 5, 25, List.of(new Segment("v", 10, 16)));
        assertThat(VodValidation.labels(windows, label, 5_000)).containsExactly(Float.NaN, 0f, 1f, 0f, 0f, Float.NaN);
    }

    @Test
    void seedRuleTakesTheFiveBusiestMinutesInTimeOrder() {
        List<WindowFeatures> windows = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            double messages = minute % 2 == 0 ? 100 + minute : 1;
            windows.add(new WindowFeatures("v", minute * 60_000L, java.util.Map.of(ChatFeatures.MESSAGES, messages)));
        }
        assertThat(VodValidation.seedRule("v", windows)).extracting(Segment::start)
                .containsExactly(0.0, 120.0, 240.0, 360.0, 480.0);
    }

    @Test
    void seedRuleAtABudgetTakesThatManyMinutesScoredByTheirMessages() {
        List<WindowFeatures> windows = new ArrayList<>();
        for (int minute = 0; minute < 12; minute++) {
            windows.add(new WindowFeatures("v", minute * 60_000L, java.util.Map.of(ChatFeatures.MESSAGES, 10.0 + minute)));
        }
        List<Segment> ten = VodValidation.seedRule("v", windows, 10);
        assertThat(ten).hasSize(10).extracting(Segment::start).doesNotContain(0.0, 60.0);
        assertThat(ten).filteredOn(s -> s.start() == 660.0).extracting(Segment::score).containsExactly(21.0);
    }
}
