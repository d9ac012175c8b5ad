package dev.highlighter.readers.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which CSV columns hold the offset, the text and (optionally) the user. Configured per channel
 * or per file; when none is configured, the header names are matched against common names.
 *
 * @param offsetColumn header name of the offset column
 * @param textColumn   header name of the message column
 * @param userColumn   header name of the user column, or null when the file has no users
 * @param offsetUnit   {@code s} (seconds or a clock time) or {@code ms}
 */
public record CsvColumnMapping(String offsetColumn, String textColumn, String userColumn, String offsetUnit) {

    /** Header names tried in order when no mapping is configured. */
    static final List<String> OFFSET_NAMES = List.of("offset", "t", "time", "seconds", "content_offset_seconds", "duration", "offset_ms");
    static final List<String> TEXT_NAMES = List.of("text", "message", "body", "chat", "msg");
    static final List<String> USER_NAMES = List.of("user", "username", "author", "commenter", "display_name", "name");

    public CsvColumnMapping {
        if (offsetColumn == null || offsetColumn.isBlank() || textColumn == null || textColumn.isBlank()) {
            throw new IllegalArgumentException("a CSV mapping needs an offset and a text column");
        }
        userColumn = userColumn == null || userColumn.isBlank() ? null : userColumn;
        offsetUnit = offsetUnit == null || offsetUnit.isBlank() ? "s" : offsetUnit;
        if (!offsetUnit.equals("s") && !offsetUnit.equals("ms")) {
            throw new IllegalArgumentException("offset unit must be 's' or 'ms', not '" + offsetUnit + "'");
        }
    }

    /** From {@code offset=…, text=…, user=…, unit=…}, the form of the sidecar file and the config. */
    public static CsvColumnMapping of(Map<String, String> spec) {
        return new CsvColumnMapping(spec.get("offset"), spec.get("text"), spec.get("user"), spec.get("unit"));
    }

    public static CsvColumnMapping of(Properties spec) {
        return new CsvColumnMapping(spec.getProperty("offset"), spec.getProperty("text"), spec.getProperty("user"), spec.getProperty("unit"));
    }

    /** Guesses a mapping from a header, or explains which column could not be found. */
    public static CsvColumnMapping detect(List<String> header, String file) {
        String offset = find(header, OFFSET_NAMES);
        String text = find(header, TEXT_NAMES);
        if (offset == null || text == null) {
            throw new IllegalArgumentException(file + ": cannot tell the " + (offset == null ? "offset" : "text")
                    + " column from the header " + header + "; configure a CSV mapping (offset=…, text=…)");
        }
        return new CsvColumnMapping(offset, text, find(header, USER_NAMES), offset.endsWith("_ms") ? "ms" : "s");
    }

    private static String find(List<String> header, List<String> names) {
        for (String name : names) {
            for (String column : header) {
                if (column.trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return column;
                }
            }
        }
        return null;
    }
}
