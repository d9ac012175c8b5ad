package dev.highlighter.jobs.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.highlights.MediaWindowItemReader;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.readers.media.MediaDecodeException;
import dev.highlighter.readers.media.MediaDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Every kind of bad video gives a clear error that names the file and the problem. */
class BadVideoTest {

    @TempDir
    Path tmp;

    static FileSystem local() throws Exception {
        return FileSystem.getLocal(new Configuration());
    }

    /** What the media step's reader gives: its windows, then the pass's result. */
    record Read(List<WindowFeatures> windows, MediaResult result) {
    }

    /** Reads every window, as the media step does by default for a VOD without chat (no degrading). */
    static Read readAll(Path file) throws Exception {
        return readAll(file, false);
    }

    static Read readAll(Path file, boolean degradeOnError) throws Exception {
        MediaWindowItemReader reader = new MediaWindowItemReader(local(), new org.apache.hadoop.fs.Path(file.toUri()), "v", 5_000,
                MediaDecoder.VideoFrames.REFINED, degradeOnError);
        List<WindowFeatures> out = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (WindowFeatures w; (w = reader.read()) != null; ) {
                out.add(w);
            }
        } finally {
            reader.close();
        }
        return new Read(out, reader.result());
    }

    @Test
    void zeroByteFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        assertThatThrownBy(() -> readAll(empty))
                .isInstanceOf(ItemStreamException.class).hasMessageContaining("empty.mp4").hasMessageContaining("is empty (0 bytes)");
    }

    @Test
    void textFileNamedMp4() throws Exception {
        Path text = tmp.resolve("notes.mp4");
        Files.writeString(text, "these are my stream notes, not a video\n".repeat(50));
        assertThatThrownBy(() -> readAll(text))
                .isInstanceOf(ItemStreamException.class).hasMessageContaining("notes.mp4")
                .hasMessageContaining("not a media file FFmpeg can read");
    }

    @Test
    void truncatedMp4() throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.dir().resolve("video/chaplin.mp4"));
        Path half = tmp.resolve("chaplin-half.mp4");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> readAll(half))
                .isInstanceOf(ItemStreamException.class).hasMessageContaining("chaplin-half.mp4")
                .hasMessageMatching("(?s).*(truncated|cannot be opened).*");
    }

    @Test
    void theBenchAndTestPathChecksTruncationToo() throws Exception {
        // a webm cut in half still opens; only the end of the pass shows what is missing
        byte[] whole = Files.readAllBytes(SharedData.dir().resolve("video/big_buck_bunny_0_30.webm"));
        Path half = tmp.resolve("bunny-half.webm");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        List<WindowFeatures> windows = new ArrayList<>();
        assertThatThrownBy(() -> MediaPass.run(local(), new org.apache.hadoop.fs.Path(half.toUri()), "v", 5_000,
                MediaDecoder.VideoFrames.ALL, 0, windows::add))
                .isInstanceOf(MediaDecodeException.class).hasMessageContaining("bunny-half.webm")
                .hasMessageContaining("ends at 14.4 s of the 30.0 s its container declares: the file is truncated");
        assertThat(windows).as("handed out while the pass went on, before its end showed the cut").hasSize(1);
    }

    @Test
    void aTruncatedVodWithKeyframesEvery2sIsFoundByTheGopScanToo() throws Exception {
        // the clips above have keyframes far apart, so REFINED decodes them in full; this one it does not
        Path whole = tmp.resolve("gops.mkv");
        MediaAnalysis.ffmpeg("-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=30", "-f", "lavfi",
                "-i", "sine=frequency=440:d=30", "-c:v", "mpeg4", "-g", "50", "-c:a", "aac", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path half = tmp.resolve("gops-half.mkv");
        Files.write(half, Arrays.copyOf(bytes, bytes.length / 2));
        try (MediaPass pass = MediaPass.open(local(), new org.apache.hadoop.fs.Path(half.toUri()), "v", 5_000,
                MediaDecoder.VideoFrames.REFINED)) {
            assertThat(pass.frames()).isEqualTo(MediaDecoder.VideoFrames.REFINED);
            assertThatThrownBy(() -> {
                while (pass.next() != null) {
                    // read on to the end, where the cut-off shows
                }
            }).isInstanceOf(MediaDecodeException.class).hasMessageContaining("gops-half.mkv").hasMessageContaining("the file is truncated");
        }
    }

    @Test
    void audioThatFailsPartWayIsFoundAndDated() throws Exception {
        Read read = readAll(SharedData.dir().resolve("video/video_with_failing_audio.mp4"));
        List<WindowFeatures> windows = read.windows();
        assertThat(windows).hasSize(3);
        assertThat(read.result().completed()).isTrue();
        assertThat(read.result().audioDropoutMicros()).as("ffmpeg's astats goes to -inf after ~5 s").isBetween(4_000_000L, 6_000_000L);
        assertThat(windows).allSatisfy(w -> assertThat(w.has(MediaFeatures.MOTION)).isTrue());
    }

    @Test
    void webmWithoutADurationIsReadToItsEnd() throws Exception {
        Read read = readAll(SharedData.dir().resolve("video/no_duration.webm"));
        List<WindowFeatures> windows = read.windows();
        assertThat(windows).isNotEmpty();
        assertThat(read.result().videoFrames()).isPositive();
        assertThat(read.result().audioDropped()).isFalse();
        assertThat(windows).allSatisfy(w -> assertThat(w.has(MediaFeatures.RMS_DB)).isTrue());
    }

    @Test
    void withChatABadVideoDegradesInsteadOfFailing() throws Exception {
        Path text = tmp.resolve("notes.mp4");
        Files.writeString(text, "not a video");
        Read read = readAll(text, true);
        assertThat(read.windows()).isEmpty();
        assertThat(read.result().completed()).isFalse();
        assertThat(read.result().failure()).contains("notes.mp4").contains("not a media file");
        assertThat(read.result().codecs()).as("never opened").isEmpty();
    }

    @Test
    void withChatAVideoThatFailsPartWayDegradesAndSaysWhatItFound() throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.dir().resolve("video/big_buck_bunny_0_30.webm"));
        Path half = tmp.resolve("bunny-half.webm");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        MediaResult result = readAll(half, true).result();
        assertThat(result.failure()).contains("bunny-half.webm").contains("truncated");
        assertThat(result.codecs()).isEqualTo("matroska,webm:vp8/vorbis");
        assertThat(result.cutTimesMicros()).as("the cut at 11.8 s, before the file ends").hasSize(1);
        assertThat(result.videoFrames()).isPositive();
    }
}
