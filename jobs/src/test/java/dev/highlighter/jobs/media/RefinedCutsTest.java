package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.readers.media.MediaDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REFINED against a pass over every frame: the same cuts to the frame, the same loudness. */
class RefinedCutsTest {

    @TempDir
    Path tmp;

    record Pass(MediaResult result, List<WindowFeatures> windows, double seconds) {
    }

    static Pass pass(Path file, MediaDecoder.VideoFrames frames, double maxRefinedGapS) throws Exception {
        List<WindowFeatures> windows = new ArrayList<>();
        long t0 = System.nanoTime();
        try (MediaPass pass = MediaPass.open(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(file.toUri()),
                file.getFileName().toString(), 5_000, frames, 1, maxRefinedGapS)) {
            for (WindowFeatures w; (w = pass.next()) != null; ) {
                windows.add(w);
            }
            return new Pass(pass.result(), windows, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** @param maxRefinedGapS as the media step has it, or unbounded to scan GOPs of any length */
    static void assertSameAsFullDecode(Path file, double maxRefinedGapS) throws Exception {
        Pass all = pass(file, MediaDecoder.VideoFrames.ALL, maxRefinedGapS);
        Pass refined = pass(file, MediaDecoder.VideoFrames.REFINED, maxRefinedGapS);
        System.out.printf("%s: ALL %.2f s, %s %.2f s; cuts %s%n", file.getFileName(), all.seconds(), refined.result().frames(),
                refined.seconds(), all.result().cutTimesMicros());
        assertThat(refined.result().cutTimesMicros()).as("cuts in %s", file.getFileName()).isEqualTo(all.result().cutTimesMicros());
        assertThat(refined.windows()).hasSameSizeAs(all.windows());
        int loud = 0;
        for (int i = 0; i < all.windows().size(); i++) {
            WindowFeatures a = all.windows().get(i);
            WindowFeatures r = refined.windows().get(i);
            assertThat(r.startMs()).isEqualTo(a.startMs());
            assertThat(r.has(MediaFeatures.RMS_DB)).isEqualTo(a.has(MediaFeatures.RMS_DB));
            if (a.has(MediaFeatures.RMS_DB) && Double.isFinite(a.get(MediaFeatures.RMS_DB))) {
                assertThat(r.get(MediaFeatures.RMS_DB)).as("%s window %d ms", file.getFileName(), a.startMs())
                        .isCloseTo(a.get(MediaFeatures.RMS_DB), within(0.1));
                loud++;
            }
            if (a.has(MediaFeatures.CUTS)) {
                assertThat(r.get(MediaFeatures.CUTS)).isEqualTo(a.get(MediaFeatures.CUTS));
            }
        }
        assertThat(loud + all.result().cuts()).as("something compared in %s", file.getFileName()).isPositive();
        System.out.printf("%s: motion correlation ALL vs %s: %.3f%n", file.getFileName(), refined.result().frames().split(":")[0],
                correlation(all.windows(), refined.windows()));
    }

    /** Pearson correlation of the windows' motion in two passes (NaN when either is constant). */
    static double correlation(List<WindowFeatures> a, List<WindowFeatures> b) {
        double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).has(MediaFeatures.MOTION) || !b.get(i).has(MediaFeatures.MOTION)) {
                continue;
            }
            double x = a.get(i).get(MediaFeatures.MOTION);
            double y = b.get(i).get(MediaFeatures.MOTION);
            n++;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        return (sab - sa * sb / n) / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
    }

    @ParameterizedTest
    @ValueSource(strings = {"big_buck_bunny_0_30.webm", "chaplin.mp4", "fire2.mp4", "no_duration.webm", "smpte-2997.mp4", "video_with_failing_audio.mp4"})
    void realClipsHaveTheCutsAndLoudnessOfAFullDecode(String name) throws Exception {
        assertSameAsFullDecode(SharedData.dir().resolve("video").resolve(name), MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S);
        // the GOP scan itself on every clip, however far apart its keyframes (big_buck_bunny has three cuts)
        assertSameAsFullDecode(SharedData.dir().resolve("video").resolve(name), Double.MAX_VALUE);
    }

    @Test
    void generatedVodWithCutsInsideGopsHasTheCutsOfAFullDecode() throws Exception {
        Path file = tmp.resolve("cuts.mp4");
        // GOPs start every 2 s: cuts on odd seconds fall inside them, 21 and 22 are 25 frames apart
        GeneratedVod.write(file, 60, List.of(7, 13, 21, 22, 40, 51), List.of(10, 30));
        assertSameAsFullDecode(file, MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S);
        assertThat(pass(file, MediaDecoder.VideoFrames.REFINED, MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S).result().frames())
                .as("a keyframe every 2 s: GOPs scanned, not all frames").startsWith("REFINED");
    }

    @Test
    void aCutAfterTheLastKeyframeIsFound() throws Exception {
        Path file = tmp.resolve("tail.mp4");
        // keyframes at 0 and 2 s only (no keyframe at the scene change), the cut at 2.6 s
        MediaAnalysis.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=320x180:r=25:d=2.6", "-f", "lavfi",
                "-i", "color=c=yellow:s=320x180:r=25:d=1", "-filter_complex", "[0][1]concat=n=2:v=1:a=0",
                "-c:v", "mpeg4", "-g", "50", "-sc_threshold", "1000000000", file.toString());
        assertSameAsFullDecode(file, MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S);
        Pass refined = pass(file, MediaDecoder.VideoFrames.REFINED, MediaDecoder.AUTO_MAX_KEYFRAME_GAP_S);
        assertThat(refined.result().frames()).startsWith("REFINED: 2 keyframes");
        assertThat(refined.result().cutTimesMicros()).containsExactly(2_600_000L);
    }
}
