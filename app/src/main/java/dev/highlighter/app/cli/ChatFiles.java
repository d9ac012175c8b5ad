package dev.highlighter.app.cli;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import dev.highlighter.processors.chat.MessageSignalExtractor;
import dev.highlighter.processors.chat.ReactionLexicon;
import dev.highlighter.readers.MalformedRowException;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.readers.chat.CsvMappingResolver;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The chat path of the job, in memory, for offline tools (bench, crossval): file to windows. */
public final class ChatFiles {

    private static final MessageSignalExtractor EXTRACTOR = new MessageSignalExtractor(ReactionLexicon.loadDefault());

    private ChatFiles() {
    }

    /** Reads one chat file (malformed rows skipped, as the job skips them) into window sums. */
    public static ChatWindowAggregator windows(FileSystem fs, Path file, String vodId, long windowMs) {
        ChatMessageReader reader = new ChatMessageReader(fs, new org.apache.hadoop.fs.Path(file.toUri()), null,
                CsvMappingResolver.detectFromHeader());
        ChatWindowAggregator windows = new ChatWindowAggregator(vodId, windowMs);
        reader.open(new ExecutionContext());
        try {
            while (true) {
                try {
                    ChatMessage m = reader.read();
                    if (m == null) {
                        break;
                    }
                    windows.add(EXTRACTOR.process(m));
                } catch (MalformedRowException e) {
                    // counted and quarantined by the job; offline tools only need the good rows
                }
            }
        } finally {
            reader.close();
        }
        return windows;
    }
}
