package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.MiniClusters;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.processors.media.MediaWindowAggregator;
import dev.highlighter.readers.media.MediaDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loud bursts and hard cuts at known times, found from a file read straight from HDFS. */
class GeneratedVodTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheKnownCutsAndBurstsInAnMp4WithItsIndexAtTheEnd() throws Exception {
        Path local = tmp.resolve("known.mp4");
        GeneratedVod.write(local, 40, List.of(10, 20, 30), List.of(10, 30));
        String bytes = new String(Files.readAllBytes(local), StandardCharsets.ISO_8859_1);
        assertThat(bytes.indexOf("moov")).as("the index is after the media data").isGreaterThan(bytes.indexOf("mdat"));

        FileSystem hdfs = MiniClusters.get().fileSystem();
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path("/media-test/known.mp4");
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), remote);

        MediaAnalysis.Result result = MediaAnalysis.analyze(hdfs, remote, MediaDecoder.VideoFrames.ALL);

        assertThat(result.cutSeconds()).hasSize(3);
        assertThat(result.cutSeconds().get(0)).isCloseTo(10, within(0.1));
        assertThat(result.cutSeconds().get(1)).isCloseTo(20, within(0.1));
        assertThat(result.cutSeconds().get(2)).isCloseTo(30, within(0.1));

        List<WindowFeatures> windows = result.windows();
        assertThat(windows).hasSize(8);
        for (WindowFeatures w : windows) {
            boolean loud = w.startMs() == 10_000 || w.startMs() == 30_000;
            double expected = GeneratedVod.sineDb(loud ? GeneratedVod.LOUD : GeneratedVod.QUIET);
            assertThat(w.get(MediaFeatures.RMS_DB)).as("window %d s", w.startMs() / 1000).isCloseTo(expected, within(1.0));
        }
        MediaWindowAggregator z = new MediaWindowAggregator();
        windows.forEach(z::add);
        List<WindowFeatures> scored = z.features();
        assertThat(scored).filteredOn(w -> w.get(MediaFeatures.RMS_DB + "_z") > 3)
                .extracting(WindowFeatures::startMs).containsExactly(10_000L, 30_000L);
        assertThat(scored).filteredOn(w -> w.get(MediaFeatures.CUTS) > 0)
                .extracting(WindowFeatures::startMs).containsExactly(10_000L, 20_000L, 30_000L);
    }
}
