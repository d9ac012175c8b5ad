package dev.highlighter.readers.chat;

/** Parses the offsets that real chat exports write: seconds, milliseconds, or {@code H:MM:SS(.f)}. */
final class Offsets {

    private Offsets() {
    }

    /** Seconds as a decimal number or as a clock {@code [H:]MM:SS[.fff]}, to milliseconds. */
    static long secondsToMs(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("offset is empty");
        }
        if (s.indexOf(':') >= 0) {
            String[] parts = s.split(":");
            if (parts.length > 3) {
                throw new IllegalArgumentException("offset '" + s + "' is not a clock time");
            }
            double seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + parseNumber(part, s);
            }
            return checked(seconds * 1000, s);
        }
        return checked(parseNumber(s, s) * 1000, s);
    }

    static long millisToMs(String text) {
        String s = text.trim();
        return checked(parseNumber(s, s), s);
    }

    static long checked(double ms, String original) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException("offset '" + original + "' is not a finite number");
        }
        if (ms < 0) {
            throw new IllegalArgumentException("offset '" + original + "' is negative");
        }
        return Math.round(ms);
    }

    private static double parseNumber(String part, String original) {
        try {
            return Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset '" + abbreviate(original) + "' is not a number");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
