package dev.highlighter.readers.chat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** Comma-separated fields, fed line by line; a quote is special only at the start of a field, as RFC 4180 says. */
final class CsvFieldSplitter {

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inQuotes;
    private boolean quotePending;
    private boolean atFieldStart = true;

    /** The fields of one line on its own, or null when a quote it opens does not close on it. */
    static List<String> fieldsOf(String line) {
        CsvFieldSplitter splitter = new CsvFieldSplitter();
        splitter.feed(line);
        return splitter.inQuotes() ? null : splitter.fields();
    }

    /**
     * The fields of a line without any quote: split at every comma, as {@link #feed} would,
     * but cut out only when asked for (a chat row has eight fields; the reader uses two).
     */
    static List<String> unquotedFields(String line) {
        int commas = 0;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            commas++;
        }
        int[] bounds = new int[commas + 2];
        bounds[0] = -1;
        int k = 1;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            bounds[k++] = i;
        }
        bounds[k] = line.length();
        return new Slices(line, bounds);
    }

    /** Fields as slices of their line, each cut out when read. */
    private static final class Slices extends AbstractList<String> {

        private final String line;
        /** Field i runs from bounds[i] + 1 to bounds[i + 1]. */
        private final int[] bounds;

        Slices(String line, int[] bounds) {
            this.line = line;
            this.bounds = bounds;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return line.substring(bounds[index] + 1, bounds[index + 1]);
        }

        @Override
        public int size() {
            return bounds.length - 1;
        }
    }

    void feed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (quotePending) {
                    quotePending = false;
                    if (c == '"') {
                        field.append('"');
                        continue;
                    }
                    inQuotes = false; // that quote closed the field; fall through for c
                } else if (c == '"') {
                    quotePending = true;
                    continue;
                } else {
                    field.append(c);
                    continue;
                }
            }
            if (c == ',') {
                endField();
            } else if (c == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else {
                field.append(c);
                atFieldStart = false;
            }
        }
    }

    boolean inQuotes() {
        return inQuotes && !quotePending;
    }

    List<String> fields() {
        quotePending = false;
        inQuotes = false;
        endField();
        return fields;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        atFieldStart = true;
    }
}
