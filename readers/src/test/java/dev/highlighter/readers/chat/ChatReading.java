package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reads a whole chat file the way the fault-tolerant step does: skip each malformed row, go on. */
final class ChatReading {

    record Outcome(List<ChatMessage> messages, List<MalformedRowException> rejected, long ignored, String format, long rows) {

        /** Rows refused, a refused block counting its rows. */
        long rejectedRows() {
            return rejected.stream().mapToLong(MalformedRowException::rows).sum();
        }
    }

    static FileSystem localFs() throws IOException {
        return FileSystem.getLocal(new Configuration());
    }

    static FileSystem localFsUnchecked() {
        try {
            return localFs();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Outcome readAll(Path file) throws IOException {
        return readAll(localFs(), new org.apache.hadoop.fs.Path(file.toUri()), null);
    }

    static Outcome readAll(FileSystem fs, org.apache.hadoop.fs.Path file, ChatFormat format) {
        ChatMessageReader reader = new ChatMessageReader(fs, file, format, CsvMappingResolver.detectFromHeader());
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<ChatMessage> messages = new ArrayList<>();
        List<MalformedRowException> rejected = new ArrayList<>();
        try {
            while (true) {
                try {
                    ChatMessage m = reader.read();
                    if (m == null) {
                        break;
                    }
                    messages.add(m);
                } catch (MalformedRowException e) {
                    rejected.add(e);
                }
            }
            reader.update(context);
        } finally {
            reader.close();
        }
        Outcome out = new Outcome(messages, rejected, context.getLong(ChatMessageReader.IGNORED_KEY, 0L),
                context.getString(ChatMessageReader.FORMAT_KEY, null), context.getLong(ChatMessageReader.ROWS_KEY, -1L));
        if (out.rows() != messages.size() + out.rejectedRows()) {
            throw new AssertionError(file + ": the reader counted " + out.rows() + " rows, but gave " + messages.size()
                    + " messages and refused " + out.rejectedRows());
        }
        return out;
    }

    private ChatReading() {
    }
}
