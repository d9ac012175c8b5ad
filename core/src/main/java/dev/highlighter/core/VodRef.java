package dev.highlighter.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One archived stream found in a date partition. Either file may be absent: a VOD is a chat
 * file, a video file, or both. Paths are absolute Hadoop URIs as strings so the record can live
 * in a step execution context.
 */
public record VodRef(String channel, LocalDate date, String vodId, String chatPath, String videoPath) {

    public VodRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(vodId, "vodId");
        if (chatPath == null && videoPath == null) {
            throw new IllegalArgumentException("VOD " + vodId + " has neither a chat nor a video file");
        }
    }

    public boolean hasChat() {
        return chatPath != null;
    }

    public boolean hasVideo() {
        return videoPath != null;
    }
}
