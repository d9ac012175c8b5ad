package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the messages of one chat file on any Hadoop FileSystem, in whichever format it is.
 * Memory stays flat whatever the file's size. A malformed row surfaces as a
 * {@link MalformedRowException}, which the step skips and quarantines; reading goes on. A file
 * that cannot be read at all fails with a {@link ChatFileException} (or, on open, an
 * {@link ItemStreamException}) naming it.
 *
 * <p>It counts the rows it consumed, messages and refused rows alike ({@link #ROWS_KEY}), so that
 * the job can check that each one was written or quarantined.
 *
 * <p>The chat features of a VOD are an aggregate over the whole file, so a restart reads the
 * file again from the start: this reader saves no position.
 */
public class ChatMessageReader implements ItemStreamReader<ChatMessage> {

    /** Execution-context key: rows that were valid but not chat (notices, banners). */
    public static final String IGNORED_KEY = "chat.ignored";
    /** Execution-context key: the detected (or configured) format. */
    public static final String FORMAT_KEY = "chat.format";
    /** Execution-context key: rows consumed, each a message or refused (a refused block counts its rows); ignored rows apart. */
    public static final String ROWS_KEY = "chat.rows";

    private static final Logger log = LoggerFactory.getLogger(ChatMessageReader.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final FileSystem fs;
    private final Path path;
    private final ChatFormat configuredFormat;
    private final CsvMappingResolver csvMappings;
    private ChatParser parser;
    private ChatFormat format;
    private long rows;

    /**
     * @param configuredFormat the format, or null to detect it from the file
     * @param csvMappings      the CSV column mapping for this file (config or sidecar)
     */
    public ChatMessageReader(FileSystem fs, Path path, ChatFormat configuredFormat, CsvMappingResolver csvMappings) {
        this.fs = fs;
        this.path = path;
        this.configuredFormat = configuredFormat;
        this.csvMappings = csvMappings;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            InputStream in = new BufferedInputStream(fs.open(path), 256 * 1024);
            String file = path.toString();
            rows = 0;
            format = configuredFormat != null ? configuredFormat : detect(in);
            parser = switch (format) {
                case TWITCH_JSON -> new TwitchJsonChatParser(file, in, JSON);
                case TWITCH_TEXT -> new TwitchTextChatParser(file, new LineSource(in));
                case YTDLP_LIVE_CHAT -> new YtDlpLiveChatParser(file, new LineSource(in), MAPPER);
                case JSONL -> new JsonlChatParser(file, new LineSource(in), MAPPER);
                case CSV -> new CsvChatParser(file, new LineSource(in), csvMappings.mappingFor(fs, path));
            };
            log.info("Reading chat {} as {}", path, format);
        } catch (IOException e) {
            throw new ItemStreamException("cannot open chat file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ItemStreamException(e.getMessage(), e);
        }
    }

    private ChatFormat detect(InputStream in) throws IOException {
        if (fs.getFileStatus(path).getLen() == 0) {
            return ChatFormat.JSONL; // an empty file has no rows in any format
        }
        return ChatFormat.detect(path.getName(), in);
    }

    @Override
    public ChatMessage read() {
        try {
            ChatMessage message = parser.next();
            if (message != null) {
                rows++;
            }
            return message;
        } catch (MalformedRowException e) {
            rows += e.rows();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading chat file " + path + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (parser != null) {
            context.putLong(IGNORED_KEY, parser.ignored());
            context.putLong(ROWS_KEY, rows);
            context.putString(FORMAT_KEY, format.name());
        }
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                log.warn("closing chat file {} failed: {}", path, e.toString());
            }
            parser = null;
        }
    }
}
