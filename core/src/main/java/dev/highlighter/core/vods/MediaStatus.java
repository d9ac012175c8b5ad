package dev.highlighter.core.vods;

/** What the media step made of the VOD's video, column {@link VodColumn#MEDIA_STATUS}. */
public enum MediaStatus {
    /** Audio and video features. */
    OK(true),
    /** The audio stream failed part-way: video features only. */
    AUDIO_DROPPED(true),
    /** The video could not be decoded: the VOD is scored on its chat alone. */
    DEGRADED_TO_CHAT(false);

    private final boolean cuttable;

    MediaStatus(boolean cuttable) {
        this.cuttable = cuttable;
    }

    /** Whether the video can be cut into a reel. */
    public boolean cuttable() {
        return cuttable;
    }
}
