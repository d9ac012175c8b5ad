package dev.highlighter.app.bench;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.jobs.media.MediaPass;
import dev.highlighter.jobs.media.MediaResult;
import dev.highlighter.processors.media.MediaFeatures;
import dev.highlighter.readers.media.MediaDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Media analysis speed against its yardstick, in one run: our single decode pass (loudness, cuts,
 * motion) and the ffmpeg CLI doing the same analysis in two passes (astats, scdet), both on one
 * thread, timed here on the same files. Also the peak heap of our pass, to show it does not grow
 * with the VOD's length.
 */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "Media features vs the ffmpeg CLI (astats + scdet), one thread, as multiples of real time.")
public class MediaBench implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of real videos, e.g. ../shared/data/video.")
    Path dir;

    @Option(names = "--generate", split = ",", paramLabel = "MINUTES",
            description = "Also generate 720p30 H.264/AAC VODs of these lengths (keyframe every 2 s) with the ffmpeg CLI, e.g. 10,60.")
    List<Integer> generate = new ArrayList<>();

    @Option(names = "--cache", defaultValue = "${java.io.tmpdir}/highlighter-bench", description = "Where generated VODs are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--frames", split = ",", defaultValue = "ALL,KEYFRAMES,REFINED", description = "Decode modes to measure (default: ${DEFAULT-VALUE}); "
            + "each mode's cuts and window loudness are compared with ALL's when ALL is measured first.")
    List<MediaDecoder.VideoFrames> modes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        if (dir != null) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        for (int minutes : generate) {
            files.add(generated(minutes));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure: give --dir and/or --generate");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-28s %8s  %-9s %8s %8s %9s %8s %7s %9s  %s%n", "file", "length", "frames", "ours s", "ours xRT", "ffmpeg s",
                "ffm xRT", "ratio", "peak old gen", "cuts (vs ALL), loudness vs ALL / decoded");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        for (Path file : files) {
            double ffmpeg;
            try {
                ffmpeg = ffmpegSeconds(file);
            } catch (IllegalStateException e) {
                out.printf("%-28s  ffmpeg CLI could not analyse it: %s%n", file.getFileName(), e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            List<Long> allCuts = null;
            List<WindowFeatures> allWindows = null;
            for (MediaDecoder.VideoFrames mode : modes) {
                resetPeaks();
                long t0 = System.nanoTime();
                MediaResult result;
                List<WindowFeatures> windows = new ArrayList<>();
                try {
                    result = ours(fs, file, mode, windows);
                } catch (RuntimeException e) {
                    out.printf("%-28s  %s%n", file.getFileName(), e.getMessage());
                    continue;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double length = result.endMicros() / 1e6;
                if (mode == MediaDecoder.VideoFrames.ALL) {
                    allCuts = result.cutTimesMicros();
                    allWindows = windows;
                }
                String cuts = result.cuts() + (allCuts == null || mode == MediaDecoder.VideoFrames.ALL ? ""
                        : (allCuts.equals(result.cutTimesMicros()) ? " (same)" : " (DIFFER from ALL's " + allCuts.size() + ")")
                        + ", " + loudnessVs(allWindows, windows));
                out.printf(Locale.ROOT, "%-28s %7.1fs  %-9s %8.2f %7.0fx %9.2f %7.0fx %7.2f %7.0f MB  %s / %s%n", file.getFileName(), length,
                        mode, seconds, length / seconds, ffmpeg, length / ffmpeg, seconds / ffmpeg, peakHeapMb(), cuts, result.frames());
                out.flush();
            }
        }
        out.println("ratio = our single pass / (ffmpeg astats pass + ffmpeg scdet pass); below 1.0 is faster than the CLI");
        out.flush();
        return 0;
    }

    /** The media step's own pass, on one decoder thread; the windows are kept to compare modes. */
    private static MediaResult ours(FileSystem fs, Path file, MediaDecoder.VideoFrames mode, List<WindowFeatures> windows) {
        MediaResult result = MediaPass.run(fs, new org.apache.hadoop.fs.Path(file.toUri()), file.getFileName().toString(), 5_000, mode, 1,
                windows::add);
        if (!result.completed()) {
            throw new IllegalStateException(result.failure());
        }
        return result;
    }

    /**
     * The largest difference of window loudness (RMS and peak, dBFS) from ALL's pass, or what
     * does not line up: the windows must start at the same times and carry the same features.
     */
    static String loudnessVs(List<WindowFeatures> all, List<WindowFeatures> other) {
        if (all.size() != other.size()) {
            return "windows DIFFER (" + other.size() + " vs ALL's " + all.size() + ")";
        }
        double max = 0;
        int compared = 0;
        for (int i = 0; i < all.size(); i++) {
            WindowFeatures a = all.get(i);
            WindowFeatures o = other.get(i);
            if (a.startMs() != o.startMs()) {
                return "windows DIFFER at " + a.startMs() + " ms";
            }
            for (String feature : MediaFeatures.AUDIO) {
                if (a.has(feature) != o.has(feature)) {
                    return feature + " DIFFERS in presence at " + a.startMs() + " ms";
                }
                if (a.has(feature) && Double.isFinite(a.get(feature))) {
                    max = Math.max(max, Math.abs(a.get(feature) - o.get(feature)));
                    compared++;
                }
            }
        }
        return compared == 0 ? "no loudness" : String.format(Locale.ROOT, "loudness max diff %.3f dB over %d values", max, compared);
    }

    private static double ffmpegSeconds(Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        run("ffmpeg", "-nostdin", "-hide_banner", "-threads", "1", "-i", file.toString(), "-vn",
                "-af", "astats=metadata=1:reset=1", "-f", "null", "-");
        run("ffmpeg", "-nostdin", "-hide_banner", "-threads", "1", "-i", file.toString(), "-an",
                "-vf", "scdet=threshold=10", "-f", "null", "-");
        return (System.nanoTime() - t0) / 1e9;
    }

    private Path generated(int minutes) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        Path file = cache.resolve("vod-720p30-" + minutes + "min.mp4");
        if (!Files.exists(file)) {
            spec.commandLine().getErr().printf("generating %s (once; kept for later runs)...%n", file);
            Path tmp = cache.resolve(file.getFileName() + ".part.mp4");
            run("ffmpeg", "-nostdin", "-hide_banner", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:beep_factor=4",
                    "-t", String.valueOf(minutes * 60), "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-keyint_min", "60",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", tmp.toString());
            Files.move(tmp, file);
        }
        return file;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Peak of the old generation: what survives collection, so what a pass really keeps. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
