package dev.highlighter.readers.chat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * RFC 4180 records over physical lines. A quoted field may span lines, so one unbalanced quote
 * could swallow the rest of the file; a record is therefore capped at {@link #MAX_RECORD_CHARS}.
 * Past that (or at the end of the file) the record's first line is reported as malformed and
 * reading resumes at the line after it, from a bounded pushback of the lines already read.
 */
final class CsvRecords {

    /** Longest record; a real chat message is far shorter. */
    static final int MAX_RECORD_CHARS = 128 * 1024;

    /** A parsed record, or the reason its first line could not be parsed (fields are then null). */
    record CsvRecord(long line, List<String> fields, String raw, String error) {
    }

    private final LineSource lines;
    private final Deque<LineSource.Line> pushback = new ArrayDeque<>();

    CsvRecords(LineSource lines) {
        this.lines = lines;
    }

    CsvRecord next() throws IOException {
        LineSource.Line first = nextLine();
        while (first != null && first.ok() && first.text().isEmpty()) {
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        if (!first.ok()) {
            return new CsvRecord(first.number(), null, null, first.error());
        }
        FieldSplitter splitter = new FieldSplitter();
        splitter.feed(first.text());
        List<LineSource.Line> continuation = new ArrayList<>();
        int chars = first.text().length();
        while (splitter.inQuotes()) {
            LineSource.Line more = nextLine();
            String problem = null;
            if (more == null) {
                problem = "unbalanced quote: the quoted field runs to the end of the file";
            } else if (!more.ok()) {
                problem = "quoted field continues into line " + more.number() + ", which is unreadable (" + more.error() + ")";
            } else if (chars + more.text().length() > MAX_RECORD_CHARS) {
                problem = "unbalanced quote: the quoted field runs past " + MAX_RECORD_CHARS / 1024 + " KiB";
            }
            if (problem != null) {
                if (more != null) {
                    continuation.add(more);
                }
                // resume right after the bad line: everything read ahead goes back, in order
                for (int i = continuation.size() - 1; i >= 0; i--) {
                    pushback.push(continuation.get(i));
                }
                return new CsvRecord(first.number(), null, first.text(), problem);
            }
            continuation.add(more);
            chars += more.text().length() + 1;
            splitter.feed("\n");
            splitter.feed(more.text());
        }
        String raw = continuation.isEmpty() ? first.text() : null;
        return new CsvRecord(first.number(), splitter.fields(), raw, null);
    }

    private LineSource.Line nextLine() throws IOException {
        return pushback.isEmpty() ? lines.next() : pushback.pop();
    }

    void close() throws IOException {
        lines.close();
    }

    /** Comma-separated fields; a quote is special only at the start of a field, as RFC 4180 says. */
    private static final class FieldSplitter {
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean inQuotes;
        private boolean quotePending;
        private boolean atFieldStart = true;

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
}
