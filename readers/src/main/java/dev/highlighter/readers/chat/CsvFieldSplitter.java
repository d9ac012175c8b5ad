package dev.highlighter.readers.chat;

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
