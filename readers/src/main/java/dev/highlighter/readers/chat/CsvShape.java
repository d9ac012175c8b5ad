package dev.highlighter.readers.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a data row of one CSV file looks like, known once its header is read. It tells a stray
 * quote (the lines it would swallow are rows of their own) and rows in another delimiter from a
 * real multi-line field.
 *
 * @param width       the header's column count
 * @param indexColumn the first column is unnamed: an index that pandas writes, and that a
 *                    tab-separated export of the same rows may leave out
 * @param offsetIndex the offset column
 * @param millis      offsets are in milliseconds
 */
record CsvShape(int width, boolean indexColumn, int offsetIndex, boolean millis) {

    /** Tabs a line needs to be read as tab-separated at all. */
    static final int MIN_TABS = 2;

    /** Fields parsed from one comma line that make a row: the header's width and an offset that reads. */
    boolean isRow(List<String> fields) {
        return fields != null && fields.size() == width && offsetReads(fields.get(offsetIndex));
    }

    /**
     * The line as a tab-separated row of the header's columns (all of them, or all but the
     * index), or null when it does not fit.
     */
    List<String> tabRow(String text) {
        String[] parts = text.split("\t", -1);
        List<String> fields;
        if (parts.length == width) {
            fields = Arrays.asList(parts);
        } else if (parts.length == width - 1 && indexColumn) {
            fields = new ArrayList<>(width);
            fields.add("");
            fields.addAll(Arrays.asList(parts));
        } else {
            return null;
        }
        return offsetReads(fields.get(offsetIndex)) ? fields : null;
    }

    static boolean tabSeparated(String text) {
        int tabs = 0;
        for (int i = text.indexOf('\t'); i >= 0 && tabs < MIN_TABS; i = text.indexOf('\t', i + 1)) {
            tabs++;
        }
        return tabs >= MIN_TABS;
    }

    private boolean offsetReads(String value) {
        try {
            if (millis) {
                Offsets.millisToMs(value);
            } else {
                Offsets.secondsToMs(value);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
