package dev.highlighter.readers.chat;

import java.util.Locale;

/** Parses the offsets that real chat exports write: seconds, milliseconds, or {@code H:MM:SS(.f)}. */
final class Offsets {

    /**
     * Latest offset accepted: a week. That is longer than any archived VOD (Twitch keeps 48 h at
     * most), and windows run from the first message to the last, so one absurd offset would
     * otherwise ask for millions of empty windows.
     */
    static final long MAX_OFFSET_MS = 7L * 24 * 3600 * 1000;

    private Offsets() {
    }

    /** Seconds as a decimal number or as a clock {@code [H:]MM:SS[.fff]}, to milliseconds. */
    static long secondsToMs(String text) {
        long plain = plainSecondsToMs(text);
        if (plain >= 0) {
            return plain;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("offset is empty");
        }
        if (s.indexOf(':') >= 0) {
            String[] parts = s.split(":");
            if (parts.length > 3) {
                throw new IllegalArgumentException("offset '" + abbreviate(s) + "' is not a clock time");
            }
            double seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + parseNumber(part, s);
            }
            return checked(seconds * 1000, s);
        }
        return checked(parseNumber(s, s) * 1000, s);
    }

    /**
     * The usual offset, {@code 9163.303}: up to nine digits, and up to three after a point, read
     * without a double. It gives what {@code Math.round(Double.parseDouble(s) * 1000)} gives: both
     * roundings together are off by under 1e-6 ms below {@link #MAX_OFFSET_MS}. Anything else,
     * -1, goes the general way.
     */
    static long plainSecondsToMs(String s) {
        int n = s.length();
        long whole = 0;
        int i = 0;
        while (i < n && i < 9 && isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == 0) {
            return -1;
        }
        long ms = whole * 1000;
        if (i < n) {
            if (s.charAt(i) != '.' || n - i - 1 < 1 || n - i - 1 > 3) {
                return -1;
            }
            long scale = 100;
            for (int j = i + 1; j < n; j++, scale /= 10) {
                if (!isDigit(s.charAt(j))) {
                    return -1;
                }
                ms += (s.charAt(j) - '0') * scale;
            }
        }
        return ms < MAX_OFFSET_MS ? ms : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static long millisToMs(String text) {
        String s = text.trim();
        return checked(parseNumber(s, s), s);
    }

    static long checked(double ms, String original) {
        if (Double.isNaN(ms)) {
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is not a number");
        }
        if (ms < 0) {
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is negative");
        }
        if (ms > MAX_OFFSET_MS) {
            // a huge number is still a number (1e308 is finite), just not a moment of a VOD
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is out of range: over "
                    + MAX_OFFSET_MS / 86_400_000 + " days (" + MAX_OFFSET_MS / 1000 + " s)");
        }
        return Math.round(ms);
    }

    private static double parseNumber(String part, String original) {
        double value;
        try {
            value = Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is not a number");
        }
        // Java reads "NaN" and "Infinity" as doubles; an export that writes them has no offset
        if (Double.isNaN(value) || Double.isInfinite(value) && part.toLowerCase(Locale.ROOT).contains("inf")) {
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is not a number");
        }
        return value;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
