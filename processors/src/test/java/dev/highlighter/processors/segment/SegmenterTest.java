package dev.highlighter.processors.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.VodScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    /** Windows of 5 s with the given probabilities, from 0 s. */
    static VodScores scores(double... p) {
        List<ScoredWindow> w = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            w.add(new ScoredWindow("v", i * 5_000L, p[i], Map.of("chat_rate_z", p[i], "chat_hype_z", p[i] / 2)));
        }
        return new VodScores("v", "rule-v0", 5_000, w, List.of("chat"));
    }

    @Test
    void mergesNeighboursPadsAndRanksByLogOddsSummedOverTheSegment() {
        SegmentPolicy policy = new SegmentPolicy(0.5, 0, 5_000, 5_000, 15_000, 90_000);
        VodHighlights out = new Segmenter(policy).process(scores(0, 0, 0.6, 0.9, 0, 0.7, 0, 0, 0, 0, 0, 0.95, 0, 0));
        // windows 2-3 and 5 are one gap of 5 s apart: one segment 10-30 s, padded to 5-30 s; its three
        // windows outweigh the single stronger one at 55 s
        assertThat(out.highlights()).extracting(Highlight::startMs, Highlight::endMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5_000L, 30_000L), org.assertj.core.groups.Tuple.tuple(50_000L, 65_000L));
        assertThat(out.highlights()).extracting(Highlight::rank).containsExactly(1, 2);
        double logit = Math.log(0.6 / 0.4) + Math.log(0.9 / 0.1) + Math.log(0.7 / 0.3);
        assertThat(out.highlights().get(0).score()).isCloseTo(5 * logit, within(1e-9));
        assertThat(out.highlights().get(1).score()).isCloseTo(5 * Math.log(0.95 / 0.05), within(1e-9));
        assertThat(out.highlights().get(0).topFeatures()).containsExactly("chat_rate_z", "chat_hype_z");
        assertThat(out.durationMs()).isEqualTo(70_000);
    }

    @Test
    void saturatedProbabilitiesStillRankByTheirMargins() {
        // rule-v0's squash gives 1.0 to every strong moment; the margins it reports keep them apart
        List<ScoredWindow> w = new ArrayList<>();
        double[] margins = {0, 40, 0, 0, 55, 0, 0, 48, 0};
        for (int i = 0; i < margins.length; i++) {
            w.add(new ScoredWindow("v", i * 5_000L, 1 / (1 + Math.exp(-margins[i])), margins[i], Map.of()));
        }
        List<Highlight> out = new Segmenter(new SegmentPolicy(0.6, 0, 0, 0, 5_000, 90_000))
                .process(new VodScores("v", "rule-v0", 5_000, w, List.of("chat"))).highlights();
        assertThat(out).extracting(Highlight::startMs).containsExactly(20_000L, 35_000L, 5_000L);
        assertThat(out).extracting(Highlight::score).doesNotHaveDuplicates();
        assertThat(out.get(0).score()).isCloseTo(5 * (55 - Math.log(0.6 / 0.4)), within(1e-9));
    }

    @Test
    void longRunsAreCutAroundTheirPeakAndTopKKeepsTheBest() {
        double[] p = new double[40];
        java.util.Arrays.fill(p, 0.6);
        p[30] = 0.99;
        SegmentPolicy policy = new SegmentPolicy(0.5, 1, 0, 0, 10_000, 30_000);
        Highlight h = new Segmenter(policy).process(scores(p)).highlights().get(0);
        assertThat(h.endMs() - h.startMs()).isEqualTo(30_000);
        assertThat(h.startMs()).isLessThanOrEqualTo(150_000L);
        assertThat(h.endMs()).isGreaterThan(150_000L);
    }

    @Test
    void aRunWhosePeakMissesThePeakThresholdIsDropped() {
        SegmentPolicy policy = new SegmentPolicy(0.5, 0, 0, 0, 5_000, 90_000).at(0.5, 0.7);
        VodHighlights out = new Segmenter(policy).process(scores(0.55, 0.6, 0, 0, 0.55, 0.8, 0, 0));
        assertThat(out.highlights()).extracting(Highlight::startMs).containsExactly(20_000L);
        assertThat(policy.at(0.6, 0.4).peakThreshold()).as("the peak threshold is never below the threshold").isEqualTo(0.6);
    }

    @Test
    void nothingAboveTheThresholdMeansNoHighlights() {
        assertThat(new Segmenter(SegmentPolicy.DEFAULT).process(scores(0.1, 0.2, 0.3)).highlights()).isEmpty();
    }
}
