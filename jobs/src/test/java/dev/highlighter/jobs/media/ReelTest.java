package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.testing.MiniClusters;
import dev.highlighter.writers.VodStatusWriter;
import dev.highlighter.writers.reel.ReelWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reels cut from a VOD on HDFS whose scenes have known colours: length, order, copy or re-encode. */
class ReelTest {

    @TempDir
    static Path tmp;

    static FileSystem hdfs;
    static org.apache.hadoop.fs.Path video;

    @BeforeAll
    static void vod() throws Exception {
        Path local = tmp.resolve("scenes.mp4");
        // scenes change every 10 s; keyframes every 2 s (GOP of 50 frames at 25 fps)
        GeneratedVod.write(local, 40, List.of(10, 20, 30), List.of(10));
        hdfs = MiniClusters.get().fileSystem();
        video = new org.apache.hadoop.fs.Path("/reel-test/scenes.mp4");
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), video);
    }

    private static Highlight h(int rank, double start, double end) {
        return new Highlight("scenes", "rule-v0", (long) (start * 1000), (long) (end * 1000), 0.9, rank, List.of("x"), List.of("media"));
    }

    private JsonNode cut(String name, List<Highlight> highlights) throws Exception {
        org.apache.hadoop.fs.Path reel = new org.apache.hadoop.fs.Path("/reel-test/reels/" + name + ".mp4");
        new ReelWriter(hdfs, video, reel, 5, new VodStatusWriter(MiniClusters.get().connection()))
                .write(new org.springframework.batch.infrastructure.item.Chunk<>(List.of(new VodHighlights("scenes", "rule-v0", highlights, 40_000))));
        assertThat(hdfs.listStatus(reel.getParent())).extracting(s -> s.getPath().getName()).noneMatch(n -> n.endsWith(".tmp"));
        Path local = tmp.resolve(name + ".mp4");
        hdfs.copyToLocalFile(reel, new org.apache.hadoop.fs.Path(local.toUri()));
        JsonNode plan;
        try (var in = hdfs.open(new org.apache.hadoop.fs.Path(reel.getParent(), name + ".mp4.json"))) {
            plan = JsonMapper.builder().build().readTree(in);
        }
        double sum = 0;
        for (JsonNode part : plan.get("parts")) {
            sum += part.get("sourceEnd").asDouble() - part.get("sourceStart").asDouble();
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(local.toFile())) {
            g.start();
            assertThat(g.getLengthInTime() / 1e6).as("reel length against the sum of its segments").isCloseTo(sum, within(0.5));
            // each part's first frame has the colour of the source scene it was cut from
            for (JsonNode part : plan.get("parts")) {
                g.setTimestamp((long) ((part.get("reelStart").asDouble() + 0.5) * 1e6), true);
                Frame f = g.grabImage();
                int blue = ((ByteBuffer) f.image[0]).get(0) & 0xFF;
                int scene = (int) (part.get("sourceStart").asDouble() + 0.5) / 10;
                int[] expectedBlue = {80, 40, 128, 20};
                assertThat(blue).as("part from %.1f s", part.get("sourceStart").asDouble()).isCloseTo(expectedBlue[scene], within(25));
            }
            g.stop();
        }
        return plan;
    }

    @Test
    void segmentsOnKeyframesAreCopiedInTimeOrder() throws Exception {
        JsonNode plan = cut("copy", List.of(h(1, 30, 36), h(2, 2, 8), h(3, 12, 16)));
        assertThat(plan.get("mode").asString()).isEqualTo("copy");
        assertThat(plan.get("parts").findValuesAsString("rank")).containsExactly("2", "3", "1");
    }

    @Test
    void segmentsBetweenKeyframesAreReencoded() throws Exception {
        JsonNode plan = cut("reencode", List.of(h(1, 23.3, 28.7), h(2, 5.5, 9.1)));
        assertThat(plan.get("mode").asString()).isEqualTo("reencode");
        assertThat(plan.get("parts").get(0).get("sourceStart").asDouble()).isEqualTo(5.5);
    }

    @Test
    void aRerunReplacesTheReel() throws Exception {
        cut("again", List.of(h(1, 2, 8)));
        JsonNode second = cut("again", List.of(h(1, 12, 20), h(2, 30, 34)));
        assertThat(second.get("parts")).hasSize(2);
    }
}
