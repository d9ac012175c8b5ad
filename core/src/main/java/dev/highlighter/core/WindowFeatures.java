package dev.highlighter.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * The named features of one window of a VOD, as stored in one HBase column family.
 * Feature names are the column qualifiers.
 */
public record WindowFeatures(String vodId, long startMs, Map<String, Double> values) {

    public WindowFeatures {
        values = Map.copyOf(values);
    }

    public double get(String name) {
        Double v = values.get(name);
        return v == null ? 0.0 : v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Sorted view, for stable output. */
    public Map<String, Double> sorted() {
        return new TreeMap<>(values);
    }
}
