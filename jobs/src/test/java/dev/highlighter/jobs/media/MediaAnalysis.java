package dev.highlighter.jobs.media;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.RequiredTool;
import dev.highlighter.readers.media.MediaDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Runs our single decode pass, and the ffmpeg CLI as the yardstick, on the same file. */
final class MediaAnalysis {

    record Result(List<WindowFeatures> windows, List<Double> cutSeconds, long audioDropoutMicros) {
    }

    /** The media step's own pass (frame size, truncation checks and all), windows kept. */
    static Result analyze(FileSystem fs, Path path, MediaDecoder.VideoFrames frames) {
        List<WindowFeatures> windows = new ArrayList<>();
        MediaResult result = MediaPass.run(fs, path, path.getName(), 5_000, frames, 0, windows::add);
        return new Result(windows, result.cutTimesMicros().stream().map(t -> t / 1e6).toList(), result.audioDropoutMicros());
    }

    /** ffmpeg's astats overall RMS level per 5 s of audio, in dBFS (-inf as NaN). */
    static List<Double> ffmpegRmsPerWindow(java.nio.file.Path file, int sampleRate) throws Exception {
        String out = ffmpeg("-hide_banner", "-nostats", "-i", file.toString(), "-vn", "-af",
                "asetnsamples=n=" + sampleRate * 5 + ":p=0,astats=metadata=1:reset=1,ametadata=print:key=lavfi.astats.Overall.RMS_level",
                "-f", "null", "-");
        List<Double> levels = new ArrayList<>();
        Matcher m = Pattern.compile("lavfi.astats.Overall.RMS_level=(\\S+)").matcher(out);
        while (m.find()) {
            levels.add(m.group(1).contains("inf") ? Double.NaN : Double.parseDouble(m.group(1)));
        }
        return levels;
    }

    /** Cut times from ffmpeg's scdet filter. */
    static List<Double> ffmpegCuts(java.nio.file.Path file, double threshold) throws Exception {
        String out = ffmpeg("-hide_banner", "-nostats", "-i", file.toString(), "-an", "-vf", "scdet=threshold=" + threshold, "-f", "null", "-");
        List<Double> cuts = new ArrayList<>();
        Matcher m = Pattern.compile("lavfi.scd.time: ([0-9.]+)").matcher(out);
        while (m.find()) {
            cuts.add(Double.parseDouble(m.group(1)));
        }
        return cuts;
    }

    static String ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpegBinary()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + out);
        }
        return out;
    }

    /** The ffmpeg CLI on PATH; without it the test is skipped (.ci/run installs it, see RequiredTool). */
    static String ffmpegBinary() {
        return RequiredTool.FFMPEG.require();
    }

    private MediaAnalysis() {
    }
}
