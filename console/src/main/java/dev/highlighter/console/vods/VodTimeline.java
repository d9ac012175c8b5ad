package dev.highlighter.console.vods;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatFeatures;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodScoresReader;
import dev.highlighter.readers.hbase.WindowBatchReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One VOD over time, as the timeline plot shows it: chat rate, loudness and motion per window
 * (what the job wrote to windows:c and :m), the model's probability (windows:p) and the segments.
 */
public record VodTimeline(String vodId, String modelVersion, List<Point> points, List<Highlight> highlights) {

    /** A window; NaN where the VOD has no such signal (no chat, or no usable audio). */
    public record Point(double seconds, double chatRate, double loudnessDb, double motion, double probability) {
    }

    public static VodTimeline read(Connection connection, String vodId, String modelVersion, long windowMs) throws IOException {
        Map<Long, Double> probability = new HashMap<>();
        if (modelVersion != null) {
            try {
                for (ScoredWindow w : new VodScoresReader(connection, vodId, modelVersion, windowMs).read().windows()) {
                    probability.put(w.startMs(), w.probability());
                }
            } catch (IllegalStateException e) {
                // not scored yet: the features alone are still worth a look
            }
        }
        List<Point> points = new ArrayList<>();
        WindowBatchReader reader = new WindowBatchReader(connection, vodId, WindowBatchReader.WHOLE_VOD, 0, HBaseSchema.CHAT, HBaseSchema.MEDIA);
        reader.open(new ExecutionContext());
        try {
            for (WindowBatch batch; (batch = reader.read()) != null; ) {
                for (WindowFeatures w : batch.windows()) {
                    points.add(new Point(w.startMs() / 1000.0, value(w, ChatFeatures.RATE), value(w, MediaFeatures.RMS_DB),
                            value(w, MediaFeatures.MOTION), probability.getOrDefault(w.startMs(), Double.NaN)));
                }
            }
        } finally {
            reader.close();
        }
        List<Highlight> highlights = modelVersion == null ? List.of() : new HighlightReader(connection).highlights(vodId, modelVersion);
        return new VodTimeline(vodId, modelVersion, points, highlights);
    }

    private static double value(WindowFeatures w, String name) {
        return w.has(name) ? w.get(name) : Double.NaN;
    }
}
