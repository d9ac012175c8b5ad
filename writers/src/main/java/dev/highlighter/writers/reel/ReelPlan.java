package dev.highlighter.writers.reel;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a VOD a reel holds, in reel order, and where each lands in the reel. The
 * sidecar JSON is this record.
 *
 * @param mode {@code copy} (packets copied, cut at keyframes) or {@code reencode}
 */
public record ReelPlan(String vodId, String source, String mode, List<Part> parts) {

    /** One segment: its place in the source and in the reel, in seconds. */
    public record Part(int rank, double sourceStart, double sourceEnd, double reelStart) {
        public double length() {
            return sourceEnd - sourceStart;
        }
    }

    public double duration() {
        return parts.stream().mapToDouble(Part::length).sum();
    }

    /** Lays the segments end to end in the order given. */
    static ReelPlan of(String vodId, String source, String mode, List<double[]> segments, List<Integer> ranks) {
        List<Part> parts = new ArrayList<>();
        double offset = 0;
        for (int i = 0; i < segments.size(); i++) {
            double[] s = segments.get(i);
            parts.add(new Part(ranks.get(i), s[0], s[1], offset));
            offset += s[1] - s[0];
        }
        return new ReelPlan(vodId, source, mode, parts);
    }
}
