package dev.highlighter.writers.reel;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.writers.VodStatusWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a VOD's highlight reel, {@code reels/{channel}/{date}/{vodId}.mp4}, and its sidecar
 * {@code .json} with each segment's source and reel offsets. Both are written to a hidden
 * temporary name and renamed over the old ones, so a reader sees the old reel or the new one,
 * never half of one, and a failed run leaves no partial reel.
 */
public class ReelWriter implements ItemWriter<VodHighlights> {

    private static final Logger log = LoggerFactory.getLogger(ReelWriter.class);

    private final FileSystem fs;
    private final Path video;
    private final Path reel;
    private final int maxSegments;
    private final VodStatusWriter vods;

    public ReelWriter(FileSystem fs, Path video, Path reel, int maxSegments, VodStatusWriter vods) {
        this.fs = fs;
        this.video = video;
        this.reel = reel;
        this.maxSegments = maxSegments;
        this.vods = vods;
    }

    @Override
    public void write(Chunk<? extends VodHighlights> chunk) throws Exception {
        for (VodHighlights vod : chunk) {
            write(vod);
        }
    }

    private void write(VodHighlights vod) throws IOException {
        Path sidecar = new Path(reel.getParent(), reel.getName() + ".json");
        // the best by score (rank follows it; the score decides should they ever disagree), then in time order
        List<Highlight> top = vod.highlights().stream()
                .sorted(Comparator.comparingDouble(Highlight::score).reversed().thenComparingInt(Highlight::rank)).limit(maxSegments)
                .sorted(Comparator.comparingLong(Highlight::startMs)).toList();
        if (top.isEmpty()) {
            fs.delete(reel, false);
            fs.delete(sidecar, false);
            vods.noReel(vod.vodId());
            log.info("VOD {} has no highlights: no reel", vod.vodId());
            return;
        }
        java.nio.file.Path local = Files.createTempFile("reel-" + vod.vodId(), ".mp4");
        try {
            long t0 = System.nanoTime();
            ReelPlan plan = ReelCutter.cut(fs, video, vod.vodId(), top.stream().map(h -> new double[] {h.startSeconds(), h.endSeconds()}).toList(),
                    top.stream().map(Highlight::rank).toList(), local);
            fs.mkdirs(reel.getParent());
            replace(new Path(local.toUri()), reel);
            writeSidecar(plan, sidecar);
            vods.reelCut(vod.vodId(), reel.toString(), plan.mode(), plan.duration());
            log.info("Reel of {}: {} segments, {} s, {} in {} ms -> {}", vod.vodId(), plan.parts().size(),
                    String.format("%.1f", plan.duration()), plan.mode(), (System.nanoTime() - t0) / 1_000_000, reel);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** Upload under a hidden name in the target folder, then rename over the target in one step. */
    private void replace(Path localFile, Path target) throws IOException {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        fs.copyFromLocalFile(false, true, localFile, tmp);
        rename(tmp, target);
    }

    private void writeSidecar(ReelPlan plan, Path sidecar) throws IOException {
        Path tmp = new Path(sidecar.getParent(), "." + sidecar.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
        }
        rename(tmp, sidecar);
    }

    private void rename(Path from, Path to) throws IOException {
        FileContext context = FileContext.getFileContext(fs.getUri(), fs.getConf());
        try {
            context.rename(from, to, Options.Rename.OVERWRITE);
        } catch (IOException | RuntimeException e) {
            fs.delete(from, false);
            throw e;
        }
    }

}
