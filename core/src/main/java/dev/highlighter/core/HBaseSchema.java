package dev.highlighter.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.util.Bytes;
import java.util.zip.CRC32;

/**
 * Tables, families and row keys (DESIGN.md, "HBase schema"). Rows of one VOD share a 2-byte salt
 * so that one VOD's windows are contiguous while different VODs spread over the pre-split regions.
 * The columns of {@code vods} and {@code highlights} are {@link dev.highlighter.core.vods.VodColumn}
 * and {@link HighlightColumn}.
 */
public final class HBaseSchema {

    public static final String NAMESPACE = "highlighter";
    public static final TableName WINDOWS = TableName.valueOf(NAMESPACE, "windows");
    public static final TableName HIGHLIGHTS = TableName.valueOf(NAMESPACE, "highlights");
    public static final TableName VODS = TableName.valueOf(NAMESPACE, "vods");

    /** windows: chat features. */
    public static final byte[] CHAT = Bytes.toBytes("c");
    /** windows: media features. */
    public static final byte[] MEDIA = Bytes.toBytes("m");
    /** windows: chat tokens, qualifier = {@code tok:<token>}, value = messages of the window that hold it. */
    public static final byte[] TOKENS = Bytes.toBytes("t");
    /** The qualifier prefix of {@link #TOKENS}, which also keeps token names apart from feature names. */
    public static final String TOKEN_PREFIX = "tok:";
    /** windows: predictions, qualifier = model version. */
    public static final byte[] PREDICTIONS = Bytes.toBytes("p");
    /** windows: labels. */
    public static final byte[] LABELS = Bytes.toBytes("l");
    /** highlights and vods: the one family of those tables. */
    public static final byte[] DATA = Bytes.toBytes("d");

    /** Regions the salted tables are pre-split into; 8 measured best here (DESIGN.md). */
    public static final int SALT_REGIONS = 8;

    private static final byte SEP = '#';
    /** Start times are zero-padded so that byte order is time order (12 digits: 31 years of ms). */
    private static final int MS_DIGITS = 12;

    private HBaseSchema() {
    }

    public static byte[] salt(String vodId) {
        byte[] id = vodId.getBytes(StandardCharsets.UTF_8);
        // CRC32 is specified bit for bit, so the salt never changes between JVMs or releases
        CRC32 crc = new CRC32();
        crc.update(id);
        int h = (int) crc.getValue();
        return new byte[] {(byte) (h >>> 8), (byte) h};
    }

    /** Split points that cut the 2-byte salt space into {@link #SALT_REGIONS} equal ranges. */
    public static byte[][] saltSplits() {
        byte[][] splits = new byte[SALT_REGIONS - 1][];
        for (int i = 1; i < SALT_REGIONS; i++) {
            int boundary = i * (0x10000 / SALT_REGIONS);
            splits[i - 1] = new byte[] {(byte) (boundary >>> 8), (byte) boundary};
        }
        return splits;
    }

    /** Prefix of every row of one VOD in {@code windows}: salt + vodId + '#'. */
    public static byte[] vodPrefix(String vodId) {
        return Bytes.add(salt(vodId), Bytes.toBytes(vodId), new byte[] {SEP});
    }

    public static byte[] windowRow(String vodId, long startMs) {
        return Bytes.add(vodPrefix(vodId), Bytes.toBytes(pad(startMs)));
    }

    /** Window start encoded in a {@code windows} row key. */
    public static long windowStart(byte[] row) {
        return Long.parseLong(Bytes.toString(row, row.length - MS_DIGITS, MS_DIGITS));
    }

    /** Prefix of one VOD's highlights of one model version. */
    public static byte[] highlightPrefix(String vodId, String modelVersion) {
        return Bytes.add(vodPrefix(vodId), Bytes.toBytes(modelVersion), new byte[] {SEP});
    }

    public static byte[] highlightRow(String vodId, String modelVersion, long startMs) {
        return Bytes.add(highlightPrefix(vodId, modelVersion), Bytes.toBytes(pad(startMs)));
    }

    public static byte[] vodRow(String vodId) {
        return Bytes.toBytes(vodId);
    }

    /** The smallest row key after every key that starts with {@code prefix}, for scan stop rows. */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return new byte[0];
    }

    private static String pad(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative offset " + ms + " ms");
        }
        String s = Long.toString(ms);
        if (s.length() > MS_DIGITS) {
            throw new IllegalArgumentException("offset " + ms + " ms does not fit the row key");
        }
        return "0".repeat(MS_DIGITS - s.length()) + s;
    }
}
