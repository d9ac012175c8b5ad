package dev.highlighter.processors.model;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a trained model sees for window i: each signal at i, its strongest value in the
 * next 2, 4 and 8 windows and its mean over the next 4 (chat reacts 5 to 20 s after the event,
 * and big moments keep it going), and its value before (the previous window and the previous
 * minute's mean, the local baseline). A signal a VOD lacks is missing (NaN), which
 * gradient-boosted trees handle natively.
 */
public final class FeatureLayout {

    /** Signals in the layout; names of windows:c and windows:m. */
    public static final List<String> SIGNALS = List.of(
            ChatFeatures.z(ChatFeatures.RATE), ChatFeatures.z(ChatFeatures.USERS), ChatFeatures.z(ChatFeatures.LAUGH),
            ChatFeatures.z(ChatFeatures.HYPE), ChatFeatures.z(ChatFeatures.EMOTES), ChatFeatures.z(ChatFeatures.REPEATS),
            ChatFeatures.z(ChatFeatures.SHOUTING), ChatFeatures.z(ChatFeatures.PUNCTUATION),
            MediaFeatures.RMS_DB + "_z", MediaFeatures.PEAK_DB + "_z", MediaFeatures.CUTS + "_z", MediaFeatures.MOTION + "_z");

    static final int AHEAD = 4;

    /** Per signal: the window, the strongest of the next 2, 4 and 8, the mean of the next 4, the window before, the minute before. */
    static final String[] VIEWS = {"", "@next2max", "@next4max", "@next8max", "@next4mean", "@prev", "@prev12mean"};

    private FeatureLayout() {
    }

    public static List<String> columns() {
        List<String> names = new ArrayList<>();
        for (String s : SIGNALS) {
            for (String view : VIEWS) {
                names.add(s + view);
            }
        }
        return names;
    }

    public static int width() {
        return SIGNALS.size() * VIEWS.length;
    }

    /**
     * Rows for windows [from, to) of a VOD's windows in time order, written into {@code out}
     * (row-major); windows outside the list count as missing.
     */
    public static void rows(List<WindowFeatures> vod, int from, int to, float[] out) {
        int width = width();
        for (int i = from; i < to; i++) {
            int base = (i - from) * width;
            for (int s = 0; s < SIGNALS.size(); s++) {
                String name = SIGNALS.get(s);
                int c = base + VIEWS.length * s;
                out[c] = value(vod.get(i), name);
                out[c + 1] = max(vod, name, i + 1, i + 2);
                out[c + 2] = max(vod, name, i + 1, i + AHEAD);
                out[c + 3] = max(vod, name, i + 1, i + 8);
                out[c + 4] = mean(vod, name, i + 1, i + AHEAD);
                out[c + 5] = i > 0 ? value(vod.get(i - 1), name) : Float.NaN;
                out[c + 6] = mean(vod, name, i - 12, i - 1);
            }
        }
    }

    private static float max(List<WindowFeatures> vod, String name, int from, int to) {
        float best = Float.NaN;
        for (int k = Math.max(0, from); k <= to && k < vod.size(); k++) {
            float v = value(vod.get(k), name);
            if (!Float.isNaN(v) && (Float.isNaN(best) || v > best)) {
                best = v;
            }
        }
        return best;
    }

    private static float mean(List<WindowFeatures> vod, String name, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int k = Math.max(0, from); k <= to && k < vod.size(); k++) {
            float v = value(vod.get(k), name);
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Float.NaN : (float) (sum / n);
    }

    private static float value(WindowFeatures w, String name) {
        return w.has(name) ? (float) w.get(name) : Float.NaN;
    }
}
