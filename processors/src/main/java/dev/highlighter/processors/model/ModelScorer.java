package dev.highlighter.processors.model;

import dev.highlighter.core.ScoredBatch;
import dev.highlighter.core.WindowBatch;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Runs the model over one batch of windows. */
public class ModelScorer implements ItemProcessor<WindowBatch, ScoredBatch> {

    private final HighlightModel model;

    public ModelScorer(HighlightModel model) {
        this.model = model;
    }

    @Override
    public ScoredBatch process(WindowBatch batch) {
        return new ScoredBatch(batch.vodId(), model.version(), model.predict(batch));
    }
}
