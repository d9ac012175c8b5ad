package dev.highlighter.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * How a prediction sits in {@code windows:p}: qualifier {@code {version}} holds the probability,
 * {@code {version}|margin} its log-odds (a double; rows written before it existed have none),
 * qualifier {@code {version}|why} the feature contributions as {@code name=value,…}.
 */
public final class PredictionCodec {

    private static final String WHY = "|why";
    private static final String MARGIN = "|margin";

    private PredictionCodec() {
    }

    public static byte[] probabilityQualifier(String modelVersion) {
        return Bytes.toBytes(modelVersion);
    }

    public static byte[] marginQualifier(String modelVersion) {
        return Bytes.toBytes(modelVersion + MARGIN);
    }

    public static byte[] contributionsQualifier(String modelVersion) {
        return Bytes.toBytes(modelVersion + WHY);
    }

    public static byte[] encode(Map<String, Double> contributions) {
        StringBuilder s = new StringBuilder();
        // in signal order: ScoredWindow holds a Map.copyOf, whose iteration order is salted per JVM,
        // and a re-run on another process (a restart, a remote worker) must write the same bytes
        new java.util.TreeMap<>(contributions).forEach((k, v) -> {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(k).append('=').append(String.format(java.util.Locale.ROOT, "%.4f", v));
        });
        return Bytes.toBytes(s.toString());
    }

    public static Map<String, Double> decode(byte[] bytes) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (bytes == null || bytes.length == 0) {
            return out;
        }
        for (String pair : Bytes.toString(bytes).split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return out;
    }
}
