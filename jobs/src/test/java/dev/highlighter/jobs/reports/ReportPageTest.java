package dev.highlighter.jobs.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.RequiredTool;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report as a reader sees it: copied out of HDFS and opened in headless Chromium. Its images
 * load when the page with them draws clearly more than the same page whose PNGs are missing.
 */
@HighlighterJobTest
class ReportPageTest {

    static final LocalDate DAY = LocalDate.of(2019, 10, 23);
    static final List<String> GAMES = List.of("102844401151219358", "102844412709346612");

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void thePageOpensInChromiumWithItsImages(@TempDir Path tmp) throws Exception {
        String chromium = RequiredTool.CHROMIUM.require();
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        for (String game : GAMES) {
            hdfs.put("lolesports", DAY, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        assertThat(runner.run(HighlightsJobConfiguration.JOB, DAY, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runner.run(ReportsJobConfiguration.JOB, DAY, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path copy = tmp.resolve("report");
        fs.copyToLocalFile(false, layout.reports(DAY), new org.apache.hadoop.fs.Path(copy.toUri()), true);
        BufferedImage withImages = screenshot(chromium, copy, tmp.resolve("with.png"), tmp);
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(copy.resolve("index.html"), bare.resolve("index.html"));
        BufferedImage withoutImages = screenshot(chromium, bare, tmp.resolve("without.png"), tmp);

        Path kept = Path.of("target", "report-screenshot.png");
        Files.copy(tmp.resolve("with.png"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long[] with = ink(withImages);
        long[] without = ink(withoutImages);
        System.out.printf("report screenshot: %d dark and %d coloured pixels; without its PNGs %d and %d%n", with[0], with[1], without[0], without[1]);
        assertThat(with[0]).as("the screenshot is not blank").isGreaterThan(50_000);
        // the text is grey and black; colour comes from the charts' series, bars and shaded segments
        assertThat(with[1]).as("the charts drew in colour").isGreaterThan(20_000).isGreaterThan(10 * without[1]);
    }

    private static BufferedImage screenshot(String chromium, Path dir, Path png, Path tmp) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1000,2400", "--screenshot=" + png,
                dir.resolve("index.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium-" + png.getFileName() + ".log").toFile()).start();
        if (!p.waitFor(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s; see " + tmp);
        }
        File file = png.toFile();
        assertThat(file).as("chromium wrote a screenshot (exit " + p.exitValue() + ", log "
                + Files.readString(tmp.resolve("chromium-" + png.getFileName() + ".log")) + ")").exists();
        return ImageIO.read(file);
    }

    /** Pixels that are not near-white, and pixels of a clear colour (not grey). */
    private static long[] ink(BufferedImage image) {
        long dark = 0;
        long colour = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r + g + b < 700) {
                    dark++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    colour++;
                }
            }
        }
        return new long[] {dark, colour};
    }
}
