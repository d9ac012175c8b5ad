package dev.highlighter.jobs.media;

import java.util.List;

/**
 * What one media pass found besides its windows, as a value: the media step's writer records it
 * on the vods row, the bench and the tests read it directly.
 *
 * @param codecs             container and codecs, {@code format:video/audio}; empty when the file could not be opened
 * @param videoFrames        video frames decoded
 * @param cutTimesMicros     scene cuts, in time order
 * @param audioDropoutMicros where the audio went to digital silence for good, or -1
 * @param endMicros          time of the last audio or video decoded, or -1
 * @param failure            why the pass stopped short (the message names the file), or null when it completed
 * @param frames             the frames decoded, and for REFINED what the GOP scan cost
 */
public record MediaResult(String codecs, long videoFrames, List<Long> cutTimesMicros, long audioDropoutMicros, long endMicros,
                          String failure, String frames) {

    public MediaResult {
        cutTimesMicros = List.copyOf(cutTimesMicros);
    }

    /** A file that could not even be opened. */
    public static MediaResult unopened(String failure) {
        return new MediaResult("", 0, List.of(), -1, -1, failure, "");
    }

    public boolean completed() {
        return failure == null;
    }

    public boolean audioDropped() {
        return audioDropoutMicros >= 0;
    }

    public int cuts() {
        return cutTimesMicros.size();
    }
}
