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
 *
 * <p>Bytes come in 64 KiB chunks, scanned for newlines in place (as Jackson's and FastCSV's
 * readers do, not a call per byte). An ASCII line, most chat, needs no decoder: its bytes
 * become a Latin-1 String as they are. Any other line goes through the strict decoder.
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

    /** Bytes read from the stream at a time: one call per 64 KiB, not one per byte. */
    static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[READ_BYTES];
    private int pos;
    private int limit;
    /** A line that crosses the end of {@link #chunk} is gathered here. */
    private byte[] buf = new byte[8192];
    private CharBuffer chars = CharBuffer.allocate(256);
    private long lineNumber;
    private boolean eof;

    public LineSource(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        // the usual case: the whole line is in the chunk, and is decoded from there without a copy
        int newline = indexOfNewline(pos, limit);
        if (newline >= 0) {
            int from = pos;
            pos = newline + 1;
            return line(chunk, from, newline - from);
        }
        int len = 0;
        long total = 0;
        while (true) {
            int end = indexOfNewline(pos, limit);
            int stop = end >= 0 ? end : limit;
            int n = stop - pos;
            if (n > 0) {
                total += n;
                int keep = Math.min(n, MAX_LINE_BYTES - len);
                if (keep > 0) {
                    if (len + keep > buf.length) {
                        buf = Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, len + keep), MAX_LINE_BYTES));
                    }
                    System.arraycopy(chunk, pos, buf, len, keep);
                    len += keep;
                }
            }
            if (end >= 0) {
                pos = end + 1;
                break;
            }
            pos = limit;
            if (!fill()) {
                eof = true;
                if (total == 0) {
                    return null;
                }
                break;
            }
        }
        if (total > MAX_LINE_BYTES) {
            lineNumber++;
            return new Line(lineNumber, excerpt(buf, 0, len), "line is " + total + " bytes, over the " + MAX_LINE_BYTES + "-byte limit");
        }
        return line(buf, 0, len);
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = chunk;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads the next chunk; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(chunk, 0, chunk.length);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** One line's bytes (its newline gone) as a line: strict UTF-8, with an ASCII fast path. */
    private Line line(byte[] bytes, int from, int len) {
        lineNumber++;
        if (len > MAX_LINE_BYTES) {
            return new Line(lineNumber, excerpt(bytes, from, MAX_LINE_BYTES), "line is " + len + " bytes, over the " + MAX_LINE_BYTES + "-byte limit");
        }
        if (len > 0 && bytes[from + len - 1] == '\r') {
            len--;
        }
        int start = from;
        int end = from + len;
        if (lineNumber == 1 && len >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF) {
            start += 3; // UTF-8 byte order mark
        }
        int i = start;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            // pure ASCII is valid UTF-8, and Latin-1 copies its bytes straight into a compact String
            return new Line(lineNumber, new String(bytes, start, end - start, StandardCharsets.ISO_8859_1), null);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
        if (chars.capacity() < end - start) {
            chars = CharBuffer.allocate(Math.max(end - start, chars.capacity() * 2));
        }
        chars.clear();
        CoderResult result = decoder.reset().decode(in, chars, true);
        if (result.isError()) {
            return new Line(lineNumber, excerpt(bytes, start, end - start), "invalid UTF-8 at byte " + (in.position() - start) + " of the line");
        }
        decoder.flush(chars);
        return new Line(lineNumber, chars.flip().toString(), null);
    }

    private static String excerpt(byte[] bytes, int from, int length) {
        return new String(bytes, from, Math.min(length, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }

    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
