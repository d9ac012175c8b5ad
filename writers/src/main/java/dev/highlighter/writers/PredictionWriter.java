package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.ScoredBatch;
import dev.highlighter.core.ScoredWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.util.Bytes;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes probabilities and margins to {@code windows:p}, keyed by model version, so versions sit side by side. */
public class PredictionWriter implements ItemWriter<ScoredBatch> {

    private final Connection connection;

    public PredictionWriter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void write(Chunk<? extends ScoredBatch> chunk) throws Exception {
        List<Put> puts = new ArrayList<>();
        for (ScoredBatch batch : chunk) {
            byte[] probability = PredictionCodec.probabilityQualifier(batch.modelVersion());
            byte[] margin = PredictionCodec.marginQualifier(batch.modelVersion());
            byte[] why = PredictionCodec.contributionsQualifier(batch.modelVersion());
            for (ScoredWindow w : batch.windows()) {
                puts.add(new Put(HBaseSchema.windowRow(w.vodId(), w.startMs()))
                        .addColumn(HBaseSchema.PREDICTIONS, probability, Bytes.toBytes(w.probability()))
                        .addColumn(HBaseSchema.PREDICTIONS, margin, Bytes.toBytes(w.margin()))
                        .addColumn(HBaseSchema.PREDICTIONS, why, PredictionCodec.encode(w.contributions())));
            }
        }
        MutatorSupport.send(connection, HBaseSchema.WINDOWS, puts);
    }
}
