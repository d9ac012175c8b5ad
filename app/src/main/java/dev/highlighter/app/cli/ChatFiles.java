package dev.highlighter.app.cli;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import dev.highlighter.processors.chat.MessageSignalExtractor;
import dev.highlighter.processors.chat.ReactionLexicon;
import dev.highlighter.readers.MalformedRowException;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.readers.chat.CsvMappingResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The chat path of the job, in memory, for offline tools (bench, crossval): file to windows. */
public final class ChatFiles {

    /** The endings of the chat formats the readers know (DESIGN.md, "Chat formats"). */
    static final List<String> CHAT_ENDINGS = List.of(".csv", ".json", ".jsonl", ".txt", ".log");

    private static final MessageSignalExtractor EXTRACTOR = new MessageSignalExtractor(ReactionLexicon.loadDefault());

    private ChatFiles() {
    }

    /**
     * The chat files of a folder by VOD id, the name up to its first dot ({@code 123.csv},
     * {@code 123.chat.jsonl}); the reader tells the format from the name and the first bytes.
     */
    static Map<String, Path> inFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("chat folder " + dir + " does not exist");
        }
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && CHAT_ENDINGS.stream().anyMatch(name::endsWith)) {
                    out.putIfAbsent(name.substring(0, dot), f);
                }
            });
        }
        return out;
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
