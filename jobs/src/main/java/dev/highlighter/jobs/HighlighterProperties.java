package dev.highlighter.jobs;

import dev.highlighter.core.Windows;
import dev.highlighter.processors.segment.SegmentPolicy;
import dev.highlighter.readers.chat.ChatFormat;
import dev.highlighter.readers.media.MediaDecoder;
import dev.highlighter.writers.QuarantineLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything a user may set, under {@code highlighter.*} (application.yaml, environment
 * variables such as {@code HIGHLIGHTER_ROOT}, or {@code -D} flags). Bound once, through the
 * constructor, to typed values: a wrong value fails at start-up with the property's name.
 *
 * @param dataDir             local folder of the embedded default: file system tree, HBase, job repository
 * @param root                root of the HDFS layout; empty means {@code file://<data-dir>/fs} in embedded mode
 * @param windowMs            window length on the VOD clock
 * @param workers             VOD partitions processed at once, in every per-VOD stage (0: the core count)
 * @param chatChunkSize       chat messages per chunk (one job-repository commit)
 * @param inferenceBatchSize  windows per inference batch
 * @param mediaFrames         video frames the media pass decodes; REFINED by default: keyframes, plus a
 *                            full decode of each GOP that may hold a cut: ALL's cuts (every frame) and
 *                            loudness at a fraction of the cost, bar a cutaway that begins and ends between
 *                            two alike keyframes; motion is measured between keyframes (README,
 *                            "Performance"). ALL and KEYFRAMES stay selectable.
 * @param quarantine          the cap of each input's quarantine file
 * @param retrainLookbackDays days of labelled VODs (by their date) that the retrain job learns from
 * @param scopes              named groups of channels that share a champion model:
 *                            {@code highlighter.scopes.<name>=channel1,channel2}; a channel in no group is a
 *                            scope of its own (see {@code jobs.models.ModelScopes})
 */
@ConfigurationProperties("highlighter")
public record HighlighterProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("") String root,
        @DefaultValue("" + Windows.DEFAULT_WINDOW_MS) long windowMs,
        @DefaultValue("0") int workers,
        @DefaultValue("2000") int chatChunkSize,
        @DefaultValue("512") int inferenceBatchSize,
        @DefaultValue("REFINED") MediaDecoder.VideoFrames mediaFrames,
        @DefaultValue Chat chat,
        @DefaultValue Reel reel,
        @DefaultValue Segments segments,
        @DefaultValue Quarantine quarantine,
        @DefaultValue("30") int retrainLookbackDays,
        Map<String, List<String>> scopes) {

    public HighlighterProperties {
        if (workers < 0) {
            throw new IllegalArgumentException("highlighter.workers must be at least 1 (or 0 for the core count), not " + workers);
        }
        workers = workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
    }

    /**
     * @param format      one chat format for every file; unset means detect it per file
     * @param csv         the CSV column mapping when neither the channel nor the file has one, e.g. offset=duration,text=chat
     * @param csvChannels CSV column mappings per channel: {@code highlighter.chat.csv-channels.<channel>.offset=…}
     */
    public record Chat(ChatFormat format, Map<String, String> csv, Map<String, Map<String, String>> csvChannels) {

        public Chat {
            csv = csv == null ? Map.of() : Map.copyOf(csv);
            csvChannels = csvChannels == null ? Map.of() : Map.copyOf(csvChannels);
        }
    }

    /**
     * @param enabled     cut a highlight reel for every VOD with video
     * @param maxSegments highlights per reel, best first
     */
    public record Reel(@DefaultValue("true") boolean enabled, @DefaultValue("5") int maxSegments) {
    }

    /** How scored windows become segments; unset values are {@link SegmentPolicy#DEFAULT}'s. */
    public record Segments(Double threshold, Integer topK, Long mergeGapMs, Long preRollMs, Long minLengthMs, Long maxLengthMs) {

        public SegmentPolicy policy() {
            SegmentPolicy d = SegmentPolicy.DEFAULT;
            return new SegmentPolicy(threshold != null ? threshold : d.threshold(), topK != null ? topK : d.topK(),
                    mergeGapMs != null ? mergeGapMs : d.mergeGapMs(), preRollMs != null ? preRollMs : d.preRollMs(),
                    minLengthMs != null ? minLengthMs : d.minLengthMs(), maxLengthMs != null ? maxLengthMs : d.maxLengthMs());
        }
    }

    /**
     * The cap of each input's quarantine file; past it the input fails as "too many bad rows".
     *
     * @param maxRows  bad rows per file (a block refused as one counts its rows); default 10,000
     * @param maxBytes size of the quarantine file, e.g. 10MB; default 10 MiB
     */
    public record Quarantine(Long maxRows, DataSize maxBytes) {

        public QuarantineLimits limits() {
            QuarantineLimits d = QuarantineLimits.DEFAULT;
            return new QuarantineLimits(maxRows != null ? maxRows : d.maxRows(), maxBytes != null ? maxBytes.toBytes() : d.maxBytes());
        }
    }
}
