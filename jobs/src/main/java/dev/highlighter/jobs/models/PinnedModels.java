package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The model each channel of a highlights run is scored with, chosen once when the run starts and
 * kept in the job's context, so every VOD of a run, and of its restarts, uses its scope's model of
 * that moment. Plain text, a {@code channel<TAB>scope<TAB>version} line per channel, so any
 * execution-context serializer stores it.
 */
public final class PinnedModels {

    /** What scored a channel: the scope whose champion it was, and its version. */
    public record Pin(String scope, String version) {
    }

    static final String KEY = "model.scopes";
    /** For {@code @Value} in a per-VOD step-scoped bean: the run's pins, the default's version, the VOD's channel. */
    public static final String PINS = "#{jobExecutionContext['" + KEY + "']}";
    public static final String DEFAULT_VERSION = "#{jobExecutionContext['" + ChampionModels.PINNED + "']}";
    public static final String CHANNEL = "#{stepExecutionContext['channel']}";

    private PinnedModels() {
    }

    /** Pins each channel's model, unless this run (a restart) already did; returns the pins. */
    public static Map<String, Pin> pin(ExecutionContext jobContext, ChampionModels champions, Collection<String> channels) {
        if (!jobContext.containsKey(KEY)) {
            StringBuilder out = new StringBuilder();
            for (String channel : new TreeSet<>(channels)) {
                ChampionModels.Choice choice = champions.forChannel(channel);
                out.append(channel).append('\t').append(choice.scope()).append('\t').append(choice.version()).append('\n');
            }
            jobContext.putString(KEY, out.toString());
            if (!jobContext.containsKey(ChampionModels.PINNED)) {
                jobContext.putString(ChampionModels.PINNED, champions.current().version());
            }
        }
        return read(jobContext.getString(KEY));
    }

    /**
     * The channel's pin in a run's job context.
     *
     * @param pinned  the run's pins; null in a restart of a run from before scopes
     * @param version the version pinned for scope default
     */
    public static Pin of(String pinned, String version, String channel) {
        Pin pin = pinned == null ? null : read(pinned).get(channel);
        return pin != null ? pin : new Pin(ModelRegistry.DEFAULT_SCOPE, version);
    }

    private static Map<String, Pin> read(String pinned) {
        Map<String, Pin> pins = new TreeMap<>();
        for (String line : pinned.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3) {
                pins.put(f[0], new Pin(f[1], f[2]));
            }
        }
        return pins;
    }
}
