package dev.highlighter.readers.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Physical lines of a UTF-8 file, decoded strictly and one at a time, so one bad line is one
 * error and never the end of the file. Memory is bounded by {@link #MAX_LINE_BYTES}: a longer
 * line is reported and skipped without being held.
 */
public final class LineSource implements AutoCloseable {

    /** Longest line kept; real chat lines are far shorter, and a runaway one must not fill the heap. */
    public static final int MAX_LINE_BYTES = 128 * 1024;

    /** Bytes of a bad line kept as its excerpt: what the quarantine shows of it. */
    static final int EXCERPT_BYTES = 8 * 1024;

    /**
     * A line, or the reason it could not be decoded; then text is a lenient excerpt of its bytes
     * (what is not UTF-8 shows as U+FFFD), so the quarantine can show what was there.
     */
    public record Line(long number, String text, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[8192];
    private long lineNumber;
    private boolean eof;

    public LineSource(InputStream in) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        int len = 0;
        long total = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            total++;
            if (len < MAX_LINE_BYTES) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES));
                }
                buf[len++] = (byte) b;
            }
        }
        if (b == -1) {
            eof = true;
            if (total == 0) {
                return null;
            }
        }
        lineNumber++;
        if (total > MAX_LINE_BYTES) {
            return new Line(lineNumber, excerpt(0, len), "line is " + total + " bytes, over the " + MAX_LINE_BYTES + "-byte limit");
        }
        if (len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        int start = 0;
        if (lineNumber == 1 && len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        ByteBuffer bytes = ByteBuffer.wrap(buf, start, len - start);
        CharBuffer chars = CharBuffer.allocate(len - start);
        CoderResult result = decoder.reset().decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(lineNumber, excerpt(start, len - start), "invalid UTF-8 at byte " + (bytes.position() - start) + " of the line");
        }
        decoder.flush(chars);
        return new Line(lineNumber, chars.flip().toString(), null);
    }

    private String excerpt(int from, int length) {
        return new String(buf, from, Math.min(length, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }

    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
