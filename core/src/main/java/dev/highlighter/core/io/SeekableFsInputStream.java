package dev.highlighter.core.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * An InputStream over an HDFS file whose mark, reset and skip are seeks. JavaCV's FFmpeg grabber
 * seeks an InputStream with reset-then-skip, so this lets FFmpeg read an mp4 whose index (moov)
 * is at the end, straight from HDFS, without buffering the file.
 */
public final class SeekableFsInputStream extends InputStream {

    private final FSDataInputStream in;
    private final long length;
    private long mark;

    public SeekableFsInputStream(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    /** Seeks forward; returns 0 at the end of the file, which is how the grabber finds the size. */
    @Override
    public long skip(long n) throws IOException {
        long pos = in.getPos();
        // the grabber skips Long.MAX_VALUE to find the end: clamp before adding, or it overflows
        long target = pos + Math.min(Math.max(0, n), length - pos);
        if (target != pos) {
            in.seek(target);
        }
        return target - pos;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, length - in.getPos());
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    /** The limit does not apply: any position can be returned to. */
    @Override
    public synchronized void mark(int readLimit) {
        try {
            mark = in.getPos();
        } catch (IOException e) {
            mark = 0;
        }
    }

    @Override
    public synchronized void reset() throws IOException {
        in.seek(mark);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
