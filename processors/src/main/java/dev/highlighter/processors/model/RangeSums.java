package dev.highlighter.processors.model;

/** Prefix sums of one signal over a VOD's windows, so a range's sum or mean costs two lookups; missing values are left out. */
final class RangeSums {

    private final double[] sums;
    private final int[] present;

    RangeSums(double[] v) {
        sums = new double[v.length + 1];
        present = new int[v.length + 1];
        for (int i = 0; i < v.length; i++) {
            boolean has = !Double.isNaN(v[i]);
            sums[i + 1] = sums[i] + (has ? v[i] : 0);
            present[i + 1] = present[i] + (has ? 1 : 0);
        }
    }

    static RangeSums[] of(double[][] signals) {
        RangeSums[] p = new RangeSums[signals.length];
        for (int s = 0; s < signals.length; s++) {
            p[s] = new RangeSums(signals[s]);
        }
        return p;
    }

    /** Sum over windows [from, to) inside the VOD; NaN when none of them has the signal. */
    double sum(int from, int to) {
        int a = clamp(from);
        int b = clamp(to);
        return b <= a || present[b] == present[a] ? Double.NaN : sums[b] - sums[a];
    }

    float mean(int from, int to) {
        int a = clamp(from);
        int b = clamp(to);
        int n = b <= a ? 0 : present[b] - present[a];
        return n == 0 ? Float.NaN : (float) ((sums[b] - sums[a]) / n);
    }

    private int clamp(int i) {
        return Math.max(0, Math.min(i, sums.length - 1));
    }
}
