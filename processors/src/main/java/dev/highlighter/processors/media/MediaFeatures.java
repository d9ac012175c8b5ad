package dev.highlighter.processors.media;

import java.util.List;

/** Names of the media features, as written to HBase {@code windows:m}. */
public final class MediaFeatures {

    /** RMS level of the window's audio, dBFS (all channels together, as ffmpeg's astats). */
    public static final String RMS_DB = "media_rms_db";
    /** Loudest 400 ms block of the window, dBFS: a shout or a blast inside a calm window. */
    public static final String PEAK_DB = "media_peak_db";
    /** Scene cuts in the window (ContentDetector). */
    public static final String CUTS = "media_cuts";
    /** Mean absolute difference of consecutive small grey frames, 0-255. */
    public static final String MOTION = "media_motion";

    /** Features that also get a robust z-score, {@code <feature>_z}. */
    public static final List<String> SCORED = List.of(RMS_DB, PEAK_DB, CUTS, MOTION);
    public static final List<String> AUDIO = List.of(RMS_DB, PEAK_DB);

    /** Digital silence has no dB value; this floor stands for it. */
    public static final double SILENCE_DB = -120;

    private MediaFeatures() {
    }
}
