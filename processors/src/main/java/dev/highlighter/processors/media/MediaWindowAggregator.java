package dev.highlighter.processors.media;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.RobustBaseline;
import dev.highlighter.processors.WindowAggregator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a VOD's raw media windows and adds robust z-scores against the VOD's own baseline.
 * When the audio failed part way, the audio features are left out of every window: a baseline
 * half made of a dead stream would mislead the model more than no audio at all.
 */
public class MediaWindowAggregator implements WindowAggregator<WindowFeatures> {

    private final List<WindowFeatures> raw = new ArrayList<>();
    private boolean dropAudio;

    @Override
    public void add(WindowFeatures window) {
        raw.add(window);
    }

    @Override
    public long items() {
        return raw.size();
    }

    public void dropAudio() {
        dropAudio = true;
    }

    @Override
    public List<WindowFeatures> features() {
        Map<String, RobustBaseline> baselines = new HashMap<>();
        for (String f : MediaFeatures.SCORED) {
            if (dropAudio && MediaFeatures.AUDIO.contains(f)) {
                continue;
            }
            double[] values = raw.stream().filter(w -> w.has(f)).mapToDouble(w -> w.get(f)).toArray();
            if (values.length > 0) {
                baselines.put(f, RobustBaseline.of(values));
            }
        }
        List<WindowFeatures> out = new ArrayList<>(raw.size());
        for (WindowFeatures w : raw) {
            Map<String, Double> values = new HashMap<>();
            w.values().forEach((k, v) -> {
                if (!(dropAudio && MediaFeatures.AUDIO.contains(k))) {
                    values.put(k, v);
                    RobustBaseline b = baselines.get(k);
                    if (b != null) {
                        values.put(k + "_z", b.z(v));
                    }
                }
            });
            if (!values.isEmpty()) {
                out.add(new WindowFeatures(w.vodId(), w.startMs(), values));
            }
        }
        return out;
    }
}
