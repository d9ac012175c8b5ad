package dev.highlighter.jobs;

import dev.highlighter.core.Windows;
import dev.highlighter.processors.segment.SegmentPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything a user may set, under {@code highlighter.*} (application.yaml, environment
 * variables such as {@code HIGHLIGHTER_ROOT}, or {@code -D} flags).
 */
@ConfigurationProperties("highlighter")
public class HighlighterProperties {

    /** Local folder of the embedded default: file system tree, HBase, job repository. */
    private Path dataDir = Path.of("data");
    /** Root of the HDFS layout; empty means {@code file://<data-dir>/fs} in embedded mode. */
    private String root = "";
    /** Window length on the VOD clock. */
    private long windowMs = Windows.DEFAULT_WINDOW_MS;
    /** VOD partitions processed at once, in every per-VOD stage: the size of one bounded pool. */
    private int workers = Runtime.getRuntime().availableProcessors();
    /** Chat messages per chunk (one job-repository commit). */
    private int chatChunkSize = 2000;
    /** Windows per inference batch. */
    private int inferenceBatchSize = 512;
    /**
     * Video frames the media pass decodes: REFINED, ALL, NO_BFRAMES, KEYFRAMES or AUTO. REFINED
     * by default: keyframes, and every frame only of the GOPs that can hold a cut, so the cuts of
     * ALL at the cost of KEYFRAMES; motion is then measured between keyframes (README, "Performance").
     */
    private String mediaFrames = "REFINED";
    private final Chat chat = new Chat();
    private final Reel reel = new Reel();
    /** Days of labelled VODs (by their date) that the retrain job learns from. */
    private int retrainLookbackDays = 30;

    public int getRetrainLookbackDays() {
        return retrainLookbackDays;
    }

    public void setRetrainLookbackDays(int retrainLookbackDays) {
        this.retrainLookbackDays = retrainLookbackDays;
    }

    public static class Reel {
        /** Cut a highlight reel for every VOD with video. */
        private boolean enabled = true;
        /** Highlights per reel, best first. */
        private int maxSegments = 5;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxSegments() {
            return maxSegments;
        }

        public void setMaxSegments(int maxSegments) {
            this.maxSegments = maxSegments;
        }
    }

    public Reel getReel() {
        return reel;
    }
    private final Segments segments = new Segments();

    public static class Chat {
        /** Force one chat format for every file; empty means detect it per file. */
        private String format = "";
        /** CSV column mapping used when neither the channel nor the file has one, e.g. offset=duration,text=chat. */
        private Map<String, String> csv = new LinkedHashMap<>();
        /** CSV column mappings per channel: {@code highlighter.chat.csv-channels.<channel>.offset=…}. */
        private Map<String, Map<String, String>> csvChannels = new LinkedHashMap<>();

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        public Map<String, String> getCsv() {
            return csv;
        }

        public void setCsv(Map<String, String> csv) {
            this.csv = csv;
        }

        public Map<String, Map<String, String>> getCsvChannels() {
            return csvChannels;
        }

        public void setCsvChannels(Map<String, Map<String, String>> csvChannels) {
            this.csvChannels = csvChannels;
        }
    }

    public static class Segments {
        private double threshold = SegmentPolicy.DEFAULT.threshold();
        private int topK = SegmentPolicy.DEFAULT.topK();
        private long mergeGapMs = SegmentPolicy.DEFAULT.mergeGapMs();
        private long preRollMs = SegmentPolicy.DEFAULT.preRollMs();
        private long minLengthMs = SegmentPolicy.DEFAULT.minLengthMs();
        private long maxLengthMs = SegmentPolicy.DEFAULT.maxLengthMs();

        public SegmentPolicy policy() {
            return new SegmentPolicy(threshold, topK, mergeGapMs, preRollMs, minLengthMs, maxLengthMs);
        }

        public double getThreshold() {
            return threshold;
        }

        public void setThreshold(double threshold) {
            this.threshold = threshold;
        }

        public int getTopK() {
            return topK;
        }

        public void setTopK(int topK) {
            this.topK = topK;
        }

        public long getMergeGapMs() {
            return mergeGapMs;
        }

        public void setMergeGapMs(long mergeGapMs) {
            this.mergeGapMs = mergeGapMs;
        }

        public long getPreRollMs() {
            return preRollMs;
        }

        public void setPreRollMs(long preRollMs) {
            this.preRollMs = preRollMs;
        }

        public long getMinLengthMs() {
            return minLengthMs;
        }

        public void setMinLengthMs(long minLengthMs) {
            this.minLengthMs = minLengthMs;
        }

        public long getMaxLengthMs() {
            return maxLengthMs;
        }

        public void setMaxLengthMs(long maxLengthMs) {
            this.maxLengthMs = maxLengthMs;
        }
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public long getWindowMs() {
        return windowMs;
    }

    public void setWindowMs(long windowMs) {
        this.windowMs = windowMs;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("highlighter.workers must be at least 1, not " + workers);
        }
        this.workers = workers;
    }

    public int getChatChunkSize() {
        return chatChunkSize;
    }

    public void setChatChunkSize(int chatChunkSize) {
        this.chatChunkSize = chatChunkSize;
    }

    public int getInferenceBatchSize() {
        return inferenceBatchSize;
    }

    public void setInferenceBatchSize(int inferenceBatchSize) {
        this.inferenceBatchSize = inferenceBatchSize;
    }

    public String getMediaFrames() {
        return mediaFrames;
    }

    public void setMediaFrames(String mediaFrames) {
        this.mediaFrames = mediaFrames;
    }

    public Chat getChat() {
        return chat;
    }

    public Segments getSegments() {
        return segments;
    }
}
