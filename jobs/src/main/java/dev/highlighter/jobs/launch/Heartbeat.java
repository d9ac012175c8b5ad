package dev.highlighter.jobs.launch;

import java.time.Instant;

/** Who runs an execution and when it last said so: host, pid, start and last beat. */
public record Heartbeat(long executionId, String host, long pid, Instant started, Instant lastBeat) {

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + " since " + started;
    }
}
