package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.readers.media.MediaDecoder;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Our loudness and cuts against the ffmpeg CLI's on the real videos, read at test time. */
class MediaVsFfmpegTest {

    static MediaAnalysis.Result ours(String name) throws Exception {
        return ours(name, MediaDecoder.VideoFrames.ALL);
    }

    static MediaAnalysis.Result ours(String name, MediaDecoder.VideoFrames frames) throws Exception {
        Path file = SharedData.dir().resolve("video").resolve(name);
        return MediaAnalysis.analyze(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(file.toUri()), frames);
    }

    @Test
    void autoDecodesKeyframesOnlyWhereTheyAreClose() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        try (MediaPass smpte = MediaPass.open(fs, new org.apache.hadoop.fs.Path(SharedData.dir().resolve("video/smpte-2997.mp4").toUri()),
                "smpte", 5_000, MediaDecoder.VideoFrames.AUTO);
             MediaPass chaplin = MediaPass.open(fs, new org.apache.hadoop.fs.Path(SharedData.dir().resolve("video/chaplin.mp4").toUri()),
                     "chaplin", 5_000, MediaDecoder.VideoFrames.AUTO)) {
            assertThat(smpte.frames()).as("a keyframe every 0.6 s").isEqualTo(MediaDecoder.VideoFrames.KEYFRAMES);
            assertThat(chaplin.frames()).as("one keyframe in 9.6 s").isEqualTo(MediaDecoder.VideoFrames.ALL);
        }
    }

    @ParameterizedTest
    @CsvSource({"big_buck_bunny_0_30.webm,44100", "chaplin.mp4,44100", "smpte-2997.mp4,48000", "fire2.mp4,48000"})
    void windowLoudnessAgreesWithAstatsWithinOneDb(String name, int sampleRate) throws Exception {
        List<Double> reference = MediaAnalysis.ffmpegRmsPerWindow(SharedData.dir().resolve("video").resolve(name), sampleRate);
        List<WindowFeatures> windows = ours(name).windows();
        assertThat(reference).isNotEmpty();
        int compared = 0;
        for (int i = 0; i < reference.size() && i < windows.size(); i++) {
            double theirs = reference.get(i);
            WindowFeatures w = windows.get(i);
            if (Double.isNaN(theirs) || !w.has(MediaFeatures.RMS_DB) || theirs < -90 || w.startMs() != i * 5000L) {
                continue;
            }
            assertThat(w.get(MediaFeatures.RMS_DB)).as("%s window %d s", name, i * 5).isCloseTo(theirs, within(1.0));
            compared++;
        }
        assertThat(compared).as("windows compared in " + name).isGreaterThan(0);
    }

    @Test
    void sceneCutsAgreeWithScdetWithinOneSecond() throws Exception {
        List<Double> reference = MediaAnalysis.ffmpegCuts(SharedData.dir().resolve("video/big_buck_bunny_0_30.webm"), 10);
        List<Double> cuts = ours("big_buck_bunny_0_30.webm").cutSeconds();
        assertThat(reference).isNotEmpty();
        System.out.println("scdet " + reference + " ours " + cuts);
        for (double t : reference) {
            assertThat(cuts).as("a cut near scdet's %.2f s", t).anySatisfy(c -> assertThat(c).isCloseTo(t, within(1.0)));
        }
        for (double c : cuts) {
            assertThat(reference).as("scdet has a cut near our %.2f s", c).anySatisfy(t -> assertThat(t).isCloseTo(c, within(1.0)));
        }
    }
}
