package dev.highlighter.processors.model;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a trained model sees for window i: each signal at i, its strongest value in the
 * four windows after i (chat reacts 5 to 20 s after the event), and its value at i-1. A signal a
 * VOD lacks is missing (NaN), which gradient-boosted trees handle natively.
 */
public final class FeatureLayout {

    /** Signals in the layout; names of windows:c and windows:m. */
    public static final List<String> SIGNALS = List.of(
            ChatFeatures.z(ChatFeatures.RATE), ChatFeatures.z(ChatFeatures.USERS), ChatFeatures.z(ChatFeatures.LAUGH),
            ChatFeatures.z(ChatFeatures.HYPE), ChatFeatures.z(ChatFeatures.EMOTES), ChatFeatures.z(ChatFeatures.REPEATS),
            ChatFeatures.z(ChatFeatures.SHOUTING), ChatFeatures.z(ChatFeatures.PUNCTUATION),
            MediaFeatures.RMS_DB + "_z", MediaFeatures.PEAK_DB + "_z", MediaFeatures.CUTS + "_z", MediaFeatures.MOTION + "_z");

    static final int AHEAD = 4;

    private FeatureLayout() {
    }

    public static List<String> columns() {
        List<String> names = new ArrayList<>();
        for (String s : SIGNALS) {
            names.add(s);
            names.add(s + "@next" + AHEAD + "max");
            names.add(s + "@prev");
        }
        return names;
    }

    public static int width() {
        return SIGNALS.size() * 3;
    }

    /**
     * Rows for windows [from, to) of a VOD's windows in time order, written into {@code out}
     * (row-major); windows outside the list count as missing.
     */
    public static void rows(List<WindowFeatures> vod, int from, int to, float[] out) {
        int width = width();
        for (int i = from; i < to; i++) {
            int base = (i - from) * width;
            WindowFeatures w = vod.get(i);
            for (int s = 0; s < SIGNALS.size(); s++) {
                String name = SIGNALS.get(s);
                out[base + 3 * s] = value(w, name);
                float ahead = Float.NaN;
                for (int k = i + 1; k <= i + AHEAD && k < vod.size(); k++) {
                    float v = value(vod.get(k), name);
                    if (!Float.isNaN(v) && (Float.isNaN(ahead) || v > ahead)) {
                        ahead = v;
                    }
                }
                out[base + 3 * s + 1] = ahead;
                out[base + 3 * s + 2] = i > 0 ? value(vod.get(i - 1), name) : Float.NaN;
            }
        }
    }

    private static float value(WindowFeatures w, String name) {
        return w.has(name) ? (float) w.get(name) : Float.NaN;
    }
}
