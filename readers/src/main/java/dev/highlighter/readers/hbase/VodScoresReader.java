package dev.highlighter.readers.hbase;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.ScoredWindow;
import dev.highlighter.core.VodScores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads one VOD's predictions of one model version as a single item: segmentation needs the
 * whole VOD at once (a few thousand windows for hours of video), and it is small.
 */
public class VodScoresReader implements ItemReader<VodScores> {

    private final Connection connection;
    private final String vodId;
    private final String modelVersion;
    private final long windowMs;
    private boolean done;

    public VodScoresReader(Connection connection, String vodId, String modelVersion, long windowMs) {
        this.connection = connection;
        this.vodId = vodId;
        this.modelVersion = modelVersion;
        this.windowMs = windowMs;
    }

    @Override
    public VodScores read() throws IOException {
        if (done) {
            return null;
        }
        done = true;
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        byte[] probability = PredictionCodec.probabilityQualifier(modelVersion);
        byte[] margin = PredictionCodec.marginQualifier(modelVersion);
        byte[] why = PredictionCodec.contributionsQualifier(modelVersion);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).setCaching(1000)
                .addColumn(HBaseSchema.PREDICTIONS, probability)
                .addColumn(HBaseSchema.PREDICTIONS, margin)
                .addColumn(HBaseSchema.PREDICTIONS, why);
        List<ScoredWindow> windows = new ArrayList<>();
        try (Table table = connection.getTable(HBaseSchema.WINDOWS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                byte[] p = r.getValue(HBaseSchema.PREDICTIONS, probability);
                if (p != null) {
                    byte[] m = r.getValue(HBaseSchema.PREDICTIONS, margin);
                    double prob = Bytes.toDouble(p);
                    windows.add(new ScoredWindow(vodId, HBaseSchema.windowStart(r.getRow()), prob,
                            m == null ? ScoredWindow.logit(prob) : Bytes.toDouble(m),
                            PredictionCodec.decode(r.getValue(HBaseSchema.PREDICTIONS, why))));
                }
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalStateException("VOD " + vodId + " has no predictions of model " + modelVersion + " in "
                    + HBaseSchema.WINDOWS + "; did the inference step run?");
        }
        return new VodScores(vodId, modelVersion, windowMs, windows, signals());
    }

    /** Which signal families the VOD has, from one row of each. */
    private List<String> signals() throws IOException {
        List<String> signals = new ArrayList<>();
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        try (Table table = connection.getTable(HBaseSchema.WINDOWS)) {
            for (byte[] family : new byte[][] {HBaseSchema.CHAT, HBaseSchema.MEDIA}) {
                Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).addFamily(family).setLimit(1);
                try (ResultScanner scanner = table.getScanner(scan)) {
                    if (scanner.next() != null) {
                        signals.add(family == HBaseSchema.CHAT ? "chat" : "media");
                    }
                }
            }
        }
        return signals;
    }
}
