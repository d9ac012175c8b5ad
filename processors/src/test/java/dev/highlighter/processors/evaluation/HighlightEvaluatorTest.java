package dev.highlighter.processors.evaluation;

import dev.highlighter.core.LabelledVod;

import dev.highlighter.core.Segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightEvaluatorTest {

    final LabelledVod vod = new LabelledVod("g", 100, 200, List.of(new Segment("g", 110, 120), new Segment("g", 150, 160)));

    @Test
    void perSecondAndSegmentScoresByHand() {
        // 115-125 overlaps the first label by 5 s; 170-175 hits nothing; the second label is missed
        HighlightEvaluator.Result r = HighlightEvaluator.evaluate(List.of(vod),
                List.of(new Segment("g", 115, 125), new Segment("g", 170, 175), new Segment("g", 10, 20)));
        assertThat(r.truePositiveSeconds()).isEqualTo(5);
        assertThat(r.falsePositiveSeconds()).isEqualTo(10);
        assertThat(r.falseNegativeSeconds()).isEqualTo(15);
        assertThat(r.precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(r.recall()).isCloseTo(0.25, within(1e-9));
        assertThat(r.segmentPrecision()).as("the prediction outside the span does not count").isEqualTo(0.5);
        assertThat(r.segmentRecall()).isEqualTo(0.5);
        assertThat(r.summaryLine()).isEqualTo("F1 0.286 segP 0.500 segR 0.500 vods 1");
    }

    @Test
    void aLabelledVodWithoutPredictionsCountsAsMisses() {
        HighlightEvaluator.Result r = HighlightEvaluator.evaluate(List.of(vod), List.of());
        assertThat(r.falseNegativeSeconds()).isEqualTo(20);
        assertThat(r.f1()).isZero();
        assertThat(r.vods()).isEqualTo(1);
    }
}
