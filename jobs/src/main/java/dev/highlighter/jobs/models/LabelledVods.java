package dev.highlighter.jobs.models;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.WindowBatch;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.readers.hbase.VodRowReader;
import dev.highlighter.readers.hbase.WindowBatchReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The labelled VODs the retrain job learns from: their windows (c, t, m, l), labels and channel, from HBase. */
public class LabelledVods {

    /** A labelled VOD and the channel it came from. */
    public record Entry(String channel, ModelEvaluation.Labelled vod) {
    }

    private final Connection connection;
    private final long windowMs;

    public LabelledVods(Connection connection, long windowMs) {
        this.connection = connection;
        this.windowMs = windowMs;
    }

    /** The VODs dated in [from, to] with at least one labelled window. */
    public List<Entry> between(LocalDate from, LocalDate to) throws Exception {
        VodRowReader rows = new VodRowReader(connection);
        List<Entry> out = new ArrayList<>();
        for (String vod : rows.vodsBetween(from, to)) {
            ModelEvaluation.Labelled labelled = load(vod);
            if (labelled != null) {
                String channel = rows.read(vod).flatMap(r -> r.get(VodColumn.CHANNEL))
                        .orElseThrow(() -> new IOException("vods row " + vod + " has labelled windows but no channel"));
                out.add(new Entry(channel, labelled));
            }
        }
        return out;
    }

    /** A VOD's windows (c, t, m, l) and labels, or null when none of its windows is labelled. */
    public ModelEvaluation.Labelled load(String vod) throws Exception {
        WindowBatchReader reader = new WindowBatchReader(connection, vod, WindowBatchReader.WHOLE_VOD, 0,
                HBaseSchema.CHAT, HBaseSchema.TOKENS, HBaseSchema.MEDIA, HBaseSchema.LABELS);
        reader.open(new ExecutionContext());
        WindowBatch batch;
        try {
            batch = reader.read();
        } finally {
            reader.close();
        }
        if (batch == null) {
            return null;
        }
        List<WindowFeatures> windows = batch.windows();
        float[] labels = VodValidation.storedLabels(windows);
        for (float label : labels) {
            if (!Float.isNaN(label)) {
                return new ModelEvaluation.Labelled(vod, windows, labels, windowMs);
            }
        }
        return null;
    }
}
