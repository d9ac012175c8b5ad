package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.readers.hbase.VodRowReader;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

/** The VOD's highlights for its reel, unless its video could not be decoded: then no reel. */
public class ReelInputReader implements ItemReader<VodHighlights> {

    private static final Logger log = LoggerFactory.getLogger(ReelInputReader.class);

    private final VodRowReader vods;
    private final ItemReader<VodHighlights> delegate;
    private final String vodId;
    private boolean checked;

    public ReelInputReader(VodRowReader vods, ItemReader<VodHighlights> delegate, String vodId) {
        this.vods = vods;
        this.delegate = delegate;
        this.vodId = vodId;
    }

    @Override
    public VodHighlights read() throws Exception {
        if (!checked) {
            checked = true;
            Optional<MediaStatus> media = vods.read(vodId).flatMap(VodRow::mediaStatus);
            if (!media.map(MediaStatus::cuttable).orElse(false)) {
                log.info("No reel for {}: its video is not usable ({})", vodId, media.map(MediaStatus::name).orElse(""));
                return null;
            }
        }
        return delegate.read();
    }
}
