package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which scope a channel's labels train and its VODs are scored in: the configured group that
 * holds the channel ({@code highlighter.scopes.<group>=channel1,channel2}), else the channel
 * itself. A scope without a champion of its own is scored by {@value ModelRegistry#DEFAULT_SCOPE}'s
 * (see {@link ChampionModels#current(String)}).
 */
public final class ModelScopes {

    private final Map<String, String> groupOf = new LinkedHashMap<>();

    /** @param groups group name to its channels; a bad name or a channel in two groups fails at start-up, naming them */
    public ModelScopes(Map<String, List<String>> groups) {
        new TreeMap<>(groups).forEach((group, channels) -> {
            check(group, "highlighter.scopes." + group);
            if (group.equals(ModelRegistry.DEFAULT_SCOPE)) {
                throw new IllegalArgumentException("highlighter.scopes." + group + ": '" + ModelRegistry.DEFAULT_SCOPE
                        + "' is the scope of every channel without one; name the group otherwise");
            }
            for (String channel : channels) {
                String c = channel.trim();
                String other = groupOf.putIfAbsent(c, group);
                if (other != null && !other.equals(group)) {
                    throw new IllegalArgumentException("channel '" + c + "' is in two scope groups, highlighter.scopes." + other
                            + " and highlighter.scopes." + group + ": a channel has one champion");
                }
            }
        });
    }

    private static void check(String name, String property) {
        try {
            ModelRegistry.checkScope(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }

    /** The channel's group, else the channel. */
    public String of(String channel) {
        return groupOf.getOrDefault(channel, channel);
    }
}
