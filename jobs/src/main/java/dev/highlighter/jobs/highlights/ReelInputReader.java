package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodHighlights;
import dev.highlighter.readers.hbase.HighlightReader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

/** The VOD's highlights for its reel, unless its video could not be decoded: then no reel. */
public class ReelInputReader implements ItemReader<VodHighlights> {

    /** media_status values whose video can be cut. */
    static final Set<String> CUTTABLE = Set.of("OK", "AUDIO_DROPPED");

    private static final Logger log = LoggerFactory.getLogger(ReelInputReader.class);

    private final HighlightReader vods;
    private final ItemReader<VodHighlights> delegate;
    private final String vodId;
    private boolean checked;

    public ReelInputReader(HighlightReader vods, ItemReader<VodHighlights> delegate, String vodId) {
        this.vods = vods;
        this.delegate = delegate;
        this.vodId = vodId;
    }

    @Override
    public VodHighlights read() throws Exception {
        if (!checked) {
            checked = true;
            String status = vods.vodColumn(vodId, "media_status").orElse("");
            if (!CUTTABLE.contains(status)) {
                log.info("No reel for {}: its video is not usable ({})", vodId, status);
                return null;
            }
        }
        return delegate.read();
    }
}
