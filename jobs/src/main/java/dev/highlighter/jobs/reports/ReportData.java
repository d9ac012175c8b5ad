package dev.highlighter.jobs.reports;

import dev.highlighter.core.Highlight;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a report says, gathered from HBase, HDFS and the job repository before anything is drawn. */
public record ReportData(LocalDate from, LocalDate to, List<Vod> vods, List<Line> highlights, List<String> problems,
                         List<String> quarantine, Map<String, String> modelMetrics, List<Stage> stages, List<DayTotal> days) {

    /** One VOD: its row of {@code vods}, as far as it could be read. */
    public record Vod(String vodId, String channel, LocalDate date, String status, String mediaStatus, long durationMs,
                      long messages, long rejected, long highlights, String model, String failure, String reelPath,
                      long processingMs, Timeline timeline, Labels labels) {
        public double hours() {
            return durationMs / 3_600_000.0;
        }

        public Vod withProcessing(long millis) {
            return new Vod(vodId, channel, date, status, mediaStatus, durationMs, messages, rejected, highlights, model, failure,
                    reelPath, millis, timeline, labels);
        }

        /** The same VOD without its windows, as a channel's part keeps it once the timeline is drawn. */
        public Vod withoutTimeline() {
            return new Vod(vodId, channel, date, status, mediaStatus, durationMs, messages, rejected, highlights, model, failure,
                    reelPath, processingMs, Timeline.EMPTY, labels);
        }
    }

    /**
     * The day's highlights of a labelled VOD against its labels, as {@link HighlightEvaluator} counts
     * them (seconds and segments, so channels and days sum). {@code source} says where the labels
     * came from: {@code stored} (the feedback job's {@code windows:l}) or the labels.json URI.
     */
    public record Labels(String source, HighlightEvaluator.Result result) {
    }

    /** One highlight with where it sits in its reel (-1 without a reel). */
    public record Line(String channel, LocalDate date, Highlight highlight, double reelOffsetS, String reelPath) {
    }

    /** A VOD's windows for its timeline chart, and their stored labels (NaN: none); arrays share the index. */
    public record Timeline(double[] startS, double[] chatMessages, double[] loudnessDb, double[] probability, double[] label) {
        public static final Timeline EMPTY = new Timeline(new double[0], new double[0], new double[0], new double[0], new double[0]);
    }

    /** A step of the highlights job on one date, its partitions summed. */
    public record Stage(LocalDate date, String step, long millis, String status) {
    }

    /** The highlights job's last run of a date as the job repository recorded it, for the trend and the 7-day comparison. */
    public record DayTotal(LocalDate date, String status, long jobMillis, long vodsScored, long vodsFailed, long rowsRejected) {
    }

    public ReportData with(Map<String, String> metrics, List<Stage> stages, List<DayTotal> days) {
        return new ReportData(from, to, vods, highlights, problems, quarantine, metrics, stages, days);
    }

    public boolean range() {
        return !from.equals(to);
    }

    public String label() {
        return range() ? from + " to " + to : from.toString();
    }

    public boolean empty() {
        return vods.isEmpty() && highlights.isEmpty();
    }
}
