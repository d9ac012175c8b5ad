package dev.highlighter.processors;

import dev.highlighter.core.WindowFeatures;
import java.util.List;

/**
 * Sums items of one VOD into windows and, once all are in, gives each window's features: the
 * baselines behind the z-scores need the whole VOD. Memory grows with windows, not items.
 */
public interface WindowAggregator<T> {

    void add(T item);

    /** Items added so far. */
    long items();

    /** Every window's features, in time order. */
    List<WindowFeatures> features();
}
