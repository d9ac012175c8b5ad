package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.util.List;

/** CSV with a header and a column mapping (configured, or detected from the header). */
final class CsvChatParser implements ChatParser {

    private final String file;
    private final CsvRecords records;
    private final CsvColumnMapping configured;
    private int offsetIndex = -1;
    private int textIndex;
    private int userIndex;
    private boolean millis;
    private int width;

    CsvChatParser(String file, LineSource lines, CsvColumnMapping configured) {
        this.file = file;
        this.records = new CsvRecords(lines);
        this.configured = configured;
    }

    @Override
    public ChatMessage next() throws IOException {
        if (offsetIndex < 0 && !readHeader()) {
            return null;
        }
        CsvRecords.CsvRecord record = records.next();
        if (record == null) {
            return null;
        }
        if (record.error() != null) {
            throw new MalformedRowException(file, record.line(), record.error(), record.raw(), record.rows());
        }
        List<String> f = record.fields();
        if (f.size() != width) {
            throw new MalformedRowException(file, record.line(),
                    "has " + f.size() + " fields, the header has " + width, record.raw());
        }
        long offsetMs;
        try {
            offsetMs = millis ? Offsets.millisToMs(f.get(offsetIndex)) : Offsets.secondsToMs(f.get(offsetIndex));
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException(file, record.line(), e.getMessage(), record.raw());
        }
        String user = userIndex < 0 ? null : f.get(userIndex);
        return new ChatMessage(offsetMs, user == null || user.isEmpty() ? null : user, f.get(textIndex), record.line());
    }

    /** False for an empty file, which then simply has no rows. */
    private boolean readHeader() throws IOException {
        CsvRecords.CsvRecord header = records.next();
        if (header == null) {
            return false;
        }
        if (header.error() != null) {
            throw new ChatFileException(file + ":" + header.line() + ": unreadable CSV header: " + header.error());
        }
        List<String> names = header.fields();
        CsvColumnMapping mapping;
        try {
            mapping = configured != null ? configured : CsvColumnMapping.detect(names, file);
        } catch (IllegalArgumentException e) {
            throw new ChatFileException(e.getMessage());
        }
        width = names.size();
        offsetIndex = indexOf(names, mapping.offsetColumn(), header.line());
        textIndex = indexOf(names, mapping.textColumn(), header.line());
        userIndex = mapping.userColumn() == null ? -1 : indexOf(names, mapping.userColumn(), header.line());
        millis = mapping.offsetUnit().equals("ms");
        boolean indexColumn = names.get(0).isBlank() && offsetIndex != 0 && textIndex != 0 && userIndex != 0;
        records.expect(new CsvShape(width, indexColumn, offsetIndex, millis));
        return true;
    }

    private int indexOf(List<String> names, String column, long headerLine) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new ChatFileException(file + ":" + headerLine + ": the CSV mapping names column '" + column + "', but the header is " + names);
    }

    @Override
    public long ignored() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
