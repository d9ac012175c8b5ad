package dev.highlighter.core;

/** The fixed window grid on the VOD clock that every signal is aligned to. */
public final class Windows {

    /** Window length: long enough to count a chat burst, short enough to place it within seconds. */
    public static final long DEFAULT_WINDOW_MS = 5_000;

    private Windows() {
    }

    public static long index(long offsetMs, long windowMs) {
        return offsetMs / windowMs;
    }

    public static long start(long index, long windowMs) {
        return index * windowMs;
    }
}
