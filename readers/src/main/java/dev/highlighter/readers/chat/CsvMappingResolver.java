package dev.highlighter.readers.chat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the CSV column mapping of a chat file, most specific first:
 * <ol>
 *   <li>a sidecar next to the file, {@code {vodId}.chat.csv.mapping}, in properties form
 *       ({@code offset=duration}, {@code text=chat}, {@code user=}, {@code unit=s});</li>
 *   <li>the mapping configured for the file's channel;</li>
 *   <li>the default mapping, if one is configured;</li>
 *   <li>otherwise null: the parser matches the header against common column names.</li>
 * </ol>
 */
public class CsvMappingResolver {

    public static final String SIDECAR_SUFFIX = ".mapping";

    private final Map<String, CsvColumnMapping> byChannel;
    private final CsvColumnMapping fallback;

    public CsvMappingResolver(Map<String, CsvColumnMapping> byChannel, CsvColumnMapping fallback) {
        this.byChannel = Map.copyOf(byChannel);
        this.fallback = fallback;
    }

    public static CsvMappingResolver detectFromHeader() {
        return new CsvMappingResolver(Map.of(), null);
    }

    /** The file's channel is the folder above its date partition: vods/{channel}/{date}/file. */
    public CsvColumnMapping mappingFor(FileSystem fs, Path file) throws IOException {
        Path sidecar = new Path(file.getParent(), file.getName() + SIDECAR_SUFFIX);
        try (InputStream in = fs.open(sidecar)) {
            Properties spec = new Properties();
            spec.load(in);
            try {
                return CsvColumnMapping.of(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sidecar + ": " + e.getMessage(), e);
            }
        } catch (FileNotFoundException e) {
            // no sidecar: fall through to the configuration
        }
        Path partition = file.getParent();
        String channel = partition == null || partition.getParent() == null ? null : partition.getParent().getName();
        CsvColumnMapping forChannel = channel == null ? null : byChannel.get(channel);
        return forChannel != null ? forChannel : fallback;
    }
}
