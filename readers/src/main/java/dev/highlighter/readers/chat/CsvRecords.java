package dev.highlighter.readers.chat;

import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * RFC 4180 records over physical lines, so that every line ends up in a record or a refusal.
 * A quoted field may span lines, so one stray quote could swallow the rows after it. Chat
 * messages are single lines (Twitch and YouTube chat cannot hold a newline), so once the header
 * is known ({@link #expect}) a field that spans lines is checked as it grows:
 * <ul>
 *   <li>if the next line is a row of its own, or the field runs past {@link #MAX_RECORD_LINES}
 *       lines, {@link #MAX_RECORD_CHARS} or the end of the file, or closes with the wrong
 *       number of fields, the quote was stray: the line that opened it is refused, keeping its
 *       text, and the lines after it are read again as records;</li>
 *   <li>if the next line is tab-separated, the quote swallowed rows of the export's other
 *       delimiter (real data has these, with quotes doubled inside the field): they are read as
 *       rows until the quote that closes the field.</li>
 * </ul>
 * Tab-separated lines that do not fit the header's columns are refused as one counted block
 * with a sample, inside such a field or not.
 */
final class CsvRecords {

    /** Longest record; a real chat message is far shorter. */
    static final int MAX_RECORD_CHARS = 128 * 1024;
    /** Most lines a quoted field may span before its quote counts as stray. */
    static final int MAX_RECORD_LINES = 64;
    /** Lines of a refused block kept as its sample. */
    static final int SAMPLE_LINES = 3;

    /** A record, or the reason it was refused (fields are then null); rows above 1 for a refused block. */
    record CsvRecord(long line, List<String> fields, String raw, String error, long rows) {

        static CsvRecord refused(long line, String raw, String error) {
            return new CsvRecord(line, null, raw, error, 1);
        }
    }

    /** A line inside a quoted field: doubled quotes undone, and whether a lone quote closes the field on it. */
    private record Inside(String text, boolean closes, String after) {

        static Inside of(String line) {
            StringBuilder text = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != '"') {
                    text.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    text.append('"');
                    i++;
                } else {
                    return new Inside(text.toString(), true, line.substring(i + 1));
                }
            }
            return new Inside(text.toString(), false, "");
        }
    }

    private final LineSource lines;
    private final Deque<LineSource.Line> pushback = new ArrayDeque<>();
    private CsvShape shape;
    /** The line of the stray quote whose field holds the tab-separated rows being read, or -1. */
    private long tabRunQuote = -1;

    CsvRecords(LineSource lines) {
        this.lines = lines;
    }

    /** The shape of data rows, from the header: turns on the checks above. */
    void expect(CsvShape rowShape) {
        this.shape = rowShape;
    }

    CsvRecord next() throws IOException {
        LineSource.Line first;
        while ((first = nextLine()) != null) {
            if (tabRunQuote >= 0) {
                CsvRecord row = inTabRun(first);
                if (row != null) {
                    return row;
                }
                continue;
            }
            if (!first.ok()) {
                return CsvRecord.refused(first.number(), first.text(), first.error());
            }
            if (first.text().isEmpty()) {
                continue;
            }
            List<String> fields;
            if (first.text().indexOf('"') < 0) {
                fields = CsvFieldSplitter.unquotedFields(first.text()); // most chat rows: no quote, no splitter state
            } else {
                CsvFieldSplitter splitter = new CsvFieldSplitter();
                splitter.feed(first.text());
                if (splitter.inQuotes()) {
                    return quoted(first, splitter);
                }
                fields = splitter.fields();
            }
            if (shape != null && fields.size() != shape.width() && CsvShape.tabSeparated(first.text())) {
                List<String> tabRow = shape.tabRow(first.text());
                return tabRow != null ? new CsvRecord(first.number(), tabRow, first.text(), null, 1) : misfits(first, false);
            }
            return new CsvRecord(first.number(), fields, first.text(), null, 1);
        }
        return null;
    }

    /** A record whose quoted field goes on past its first line. */
    private CsvRecord quoted(LineSource.Line first, CsvFieldSplitter splitter) throws IOException {
        List<LineSource.Line> continuation = new ArrayList<>();
        int chars = first.text().length();
        while (splitter.inQuotes()) {
            LineSource.Line more = nextLine();
            String problem = null;
            if (more == null) {
                problem = "unbalanced quote: the quoted field runs to the end of the file";
            } else if (!more.ok()) {
                problem = "unbalanced quote: the quoted field runs into line " + more.number() + ", which is unreadable (" + more.error() + ")";
            } else if (continuation.size() == MAX_RECORD_LINES || chars + more.text().length() > MAX_RECORD_CHARS) {
                problem = "unbalanced quote: the quoted field runs past " + MAX_RECORD_LINES + " lines or " + MAX_RECORD_CHARS / 1024 + " KiB";
            } else if (isTabRunLine(more.text())) {
                continuation.add(more);
                pushBack(continuation);
                tabRunQuote = first.number();
                return CsvRecord.refused(first.number(), first.text(), "unbalanced quote: the field it opens holds tab-separated rows from line "
                        + more.number() + " on, which are read on their own");
            } else if (isCommaRow(more.text())) {
                problem = "unbalanced quote: the field it opens would swallow line " + more.number() + ", a row of its own";
            }
            if (problem != null) {
                if (more != null) {
                    continuation.add(more);
                }
                pushBack(continuation);
                return CsvRecord.refused(first.number(), first.text(), problem + "; the lines after it are read as records");
            }
            continuation.add(more);
            chars += more.text().length() + 1;
            splitter.feed("\n");
            splitter.feed(more.text());
        }
        List<String> fields = splitter.fields();
        if (shape != null && fields.size() != shape.width()) {
            pushBack(continuation);
            return CsvRecord.refused(first.number(), first.text(), "unbalanced quote: the field it opens closes on line "
                    + continuation.get(continuation.size() - 1).number() + " with " + fields.size() + " fields, not the header's "
                    + shape.width() + "; the lines after it are read as records");
        }
        return new CsvRecord(first.number(), fields, joined(first, continuation), null, 1);
    }

    /** One line inside the field of a stray quote that swallowed tab-separated rows; null for none to return. */
    private CsvRecord inTabRun(LineSource.Line line) throws IOException {
        if (!line.ok()) {
            return CsvRecord.refused(line.number(), line.text(), line.error());
        }
        Inside inside = Inside.of(line.text());
        List<String> tabRow = shape.tabRow(inside.text());
        if (tabRow == null && !inside.closes() && isCommaRow(line.text())) {
            tabRunQuote = -1; // the field never closed: comma rows again
            pushback.push(line);
            return null;
        }
        long quote = tabRunQuote;
        if (inside.closes()) {
            tabRunQuote = -1;
        }
        if (!inside.after().isEmpty()) {
            return CsvRecord.refused(line.number(), line.text(), "text after the quote that closes the field opened on line " + quote);
        }
        if (tabRow != null) {
            return new CsvRecord(line.number(), tabRow, line.text(), null, 1);
        }
        if (inside.text().isBlank()) {
            return null;
        }
        if (!CsvShape.tabSeparated(inside.text())) {
            return CsvRecord.refused(line.number(), line.text(), "not a tab-separated row, inside the field opened by the stray quote on line " + quote);
        }
        return misfits(line, true);
    }

    /**
     * Tab-separated lines that do not fit the header's columns, from {@code first} on, as one
     * refused block: its row count and a sample of its first lines.
     */
    private CsvRecord misfits(LineSource.Line first, boolean quoted) throws IOException {
        long rows = 1;
        long last = first.number();
        StringBuilder sample = new StringBuilder(first.text());
        boolean open = !quoted || tabRunQuote >= 0;
        while (open) {
            LineSource.Line line = nextLine();
            if (line == null) {
                break;
            }
            Inside inside = quoted ? Inside.of(line.text()) : null;
            String text = quoted ? inside.text() : line.text();
            boolean misfit = line.ok() && (!quoted || inside.after().isEmpty()) && CsvShape.tabSeparated(text)
                    && shape.tabRow(text) == null && !isCommaRow(line.text());
            if (!misfit) {
                pushback.push(line);
                break;
            }
            rows++;
            last = line.number();
            if (rows <= SAMPLE_LINES) {
                sample.append('\n').append(line.text());
            }
            if (quoted && inside.closes()) {
                tabRunQuote = -1;
                open = false;
            }
        }
        return new CsvRecord(first.number(), null, sample.toString(), rows + " tab-separated rows (lines " + first.number() + "-" + last
                + ") do not fit the header's " + shape.width() + " columns: refused as one block", rows);
    }

    /** A line that starts a tab run inside a quoted field: a tab row that fits, or tab-separated and not a comma row. */
    private boolean isTabRunLine(String text) {
        return shape != null && (shape.tabRow(text) != null || CsvShape.tabSeparated(text) && !isCommaRow(text));
    }

    private boolean isCommaRow(String text) {
        return shape != null && shape.isRow(CsvFieldSplitter.fieldsOf(text));
    }

    /** The lines of a multi-line record, as far as a quarantine excerpt goes. */
    private static String joined(LineSource.Line first, List<LineSource.Line> continuation) {
        StringBuilder raw = new StringBuilder(first.text());
        for (LineSource.Line line : continuation) {
            if (raw.length() > MalformedRowException.RAW_EXCERPT_CHARS) {
                break;
            }
            raw.append('\n').append(line.text());
        }
        return raw.toString();
    }

    /** Lines read ahead go back, in order: they are read again as records. */
    private void pushBack(List<LineSource.Line> readAhead) {
        for (int i = readAhead.size() - 1; i >= 0; i--) {
            pushback.push(readAhead.get(i));
        }
    }

    private LineSource.Line nextLine() throws IOException {
        return pushback.isEmpty() ? lines.next() : pushback.pop();
    }

    void close() throws IOException {
        lines.close();
    }
}
