package dev.highlighter.processors;

import java.util.Arrays;

/**
 * A robust z-score: distance from the median in units of the scaled median absolute deviation,
 * so that the bursts being looked for do not inflate their own baseline the way a mean and
 * standard deviation would. Chat and media both score their windows with it.
 */
public final class RobustBaseline {

    /** MAD times this estimates the standard deviation of normal data. */
    static final double MAD_TO_SIGMA = 1.4826;
    /** Mean absolute deviation times this estimates it too; used when more than half the values tie. */
    static final double MEAN_AD_TO_SIGMA = 1.2533;

    private final double median;
    private final double scale;

    private RobustBaseline(double median, double scale) {
        this.median = median;
        this.scale = scale;
    }

    public static RobustBaseline of(double[] values) {
        if (values.length == 0) {
            return new RobustBaseline(0, 0);
        }
        double median = median(values.clone());
        double[] deviations = new double[values.length];
        double meanDeviation = 0;
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
            meanDeviation += deviations[i];
        }
        meanDeviation /= values.length;
        double scale = MAD_TO_SIGMA * median(deviations);
        if (scale == 0) {
            // sparse signals (a lexicon hit every few minutes) have a MAD of zero
            scale = MEAN_AD_TO_SIGMA * meanDeviation;
        }
        return new RobustBaseline(median, scale);
    }

    public double z(double value) {
        return scale == 0 ? 0 : (value - median) / scale;
    }

    public double median() {
        return median;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
