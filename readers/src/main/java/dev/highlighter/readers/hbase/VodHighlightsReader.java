package dev.highlighter.readers.hbase;

import dev.highlighter.core.VodHighlights;
import java.io.IOException;
import org.springframework.batch.infrastructure.item.ItemReader;

/** One VOD's highlights of one model version, as a single item. */
public class VodHighlightsReader implements ItemReader<VodHighlights> {

    private final HighlightReader highlights;
    private final String vodId;
    private final String modelVersion;
    private boolean done;

    public VodHighlightsReader(HighlightReader highlights, String vodId, String modelVersion) {
        this.highlights = highlights;
        this.vodId = vodId;
        this.modelVersion = modelVersion;
    }

    @Override
    public VodHighlights read() throws IOException {
        if (done) {
            return null;
        }
        done = true;
        return new VodHighlights(vodId, modelVersion, highlights.highlights(vodId, modelVersion), -1);
    }
}
