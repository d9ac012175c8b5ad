package dev.highlighter.core;

/**
 * Receives one decode pass over a VOD: audio as float samples and video as small frames, each
 * with its time on the VOD clock. The decoder (readers) pushes; the analysis (processors) listens.
 */
public interface MediaSink {

    /**
     * @param timestampMicros time of the first sample
     * @param samples         interleaved samples in [-1, 1]
     * @param channels        samples per instant
     * @param sampleRate      instants per second
     */
    void audio(long timestampMicros, float[] samples, int channels, int sampleRate);

    /**
     * @param timestampMicros presentation time of the frame
     * @param bgr             packed 8-bit BGR pixels, {@code width * height * 3} bytes, no padding;
     *                        the decoder reuses the array for the next frame, so copy what you keep
     */
    void video(long timestampMicros, byte[] bgr, int width, int height);
}
