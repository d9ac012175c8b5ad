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

    @Test
    void topKKeepsEachVodsBestByScore() {
        List<Segment> predicted = List.of(new Segment("g", 170, 175, 9.0), new Segment("g", 115, 125, 3.5),
                new Segment("g", 150, 152, 1.0), new Segment("h", 0, 10, 0.5), new Segment("h", 20, 30, 7.0));
        assertThat(HighlightEvaluator.topK(predicted, 2)).containsExactly(new Segment("g", 170, 175, 9.0),
                new Segment("g", 115, 125, 3.5), new Segment("h", 20, 30, 7.0), new Segment("h", 0, 10, 0.5));
        assertThat(HighlightEvaluator.topK(predicted, 0)).isSameAs(predicted);
        // at K = 1 the one kept for g misses every label
        HighlightEvaluator.Result one = HighlightEvaluator.evaluate(List.of(vod), HighlightEvaluator.topK(predicted, 1));
        assertThat(one.predictedSegments()).isEqualTo(1);
        assertThat(one.segmentPrecision()).isZero();
        HighlightEvaluator.Result three = HighlightEvaluator.evaluate(List.of(vod), HighlightEvaluator.topK(predicted, 3));
        assertThat(three.segmentRecall()).isEqualTo(1.0);
    }
}
