package dev.highlighter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.console.runs.StatusColors;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.JobsTestApplication;
import dev.highlighter.jobs.MiniClusterStorage;
import dev.highlighter.jobs.launch.JobRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * A real browser (headless chromium) against the console on a random port, on the mini clusters:
 * log in, find the run that failed on a broken video, fix the file, restart it from the page and
 * watch it complete on the grid; the Gantt chart and the VOD timeline are drawn, not blank.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "highlighter.storage=provided",
                "spring.datasource.url=jdbc:h2:mem:console-browser-test;DB_CLOSE_DELAY=-1",
                "spring.cloud.task.name=highlighter-console-browser-test",
                "highlighter.console.users.operator.password-hash=$2a$04$TzcesZ0bBrlSZLKo8oGkvO/xLHIzjyuJ2/SHcWzYsCbXkQR.w8kum",
                "highlighter.console.users.operator.role=operator"})
class BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void anOperatorRestartsARunThatFailedOnABrokenVideoAndWatchesItComplete() throws Exception {
        Path profile = Path.of("target", "chromium-profile").toAbsolutePath();
        FileSystemUtils.deleteRecursively(profile);
        ChromeDriver browser = Chromium.start(profile);
        try {
            BrokenVideoDay day = new BrokenVideoDay(fs, layout, connection, LocalDate.of(2026, 5, 1));
            JobExecution failed = day.failedRun(runner);
            String base = "http://localhost:" + port;

            browser.get(base + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            browser.findElement(By.id("username")).sendKeys("operator");
            browser.findElement(By.id("password")).sendKeys("operator-pw");
            browser.findElement(By.id("login")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");

            WebElement row = browser.findElement(By.cssSelector("tr[data-execution='" + failed.getId() + "']"));
            assertThat(row.findElement(By.className("run-status")).getText()).isEqualTo("FAILED");
            shot(browser, "grid-failed");
            row.findElement(By.cssSelector("a.cell.FAILED")).click();

            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("FAILED");
            assertThat(browser.findElement(By.id("partitions")).getText()).contains("not a media file FFmpeg can read");
            assertDrawn(browser, browser.findElement(By.id("gantt")), "gantt-failed", StatusColors.of("FAILED"));

            day.fix();
            browser.findElement(By.id("restart")).click();
            assertThat(browser.findElement(By.id("flash")).getText()).contains("started");

            browser.get(base + "/?job=highlights&from=2026-05-01&to=2026-05-01");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            String newest;
            do {
                Thread.sleep(1000);
                browser.navigate().refresh();
                newest = browser.findElements(By.cssSelector("table.grid tr[data-execution] .run-status")).get(0).getText();
            } while (!newest.equals("COMPLETED") && System.nanoTime() < deadline);
            assertThat(newest).as("the restarted run, watched on the grid").isEqualTo("COMPLETED");
            shot(browser, "grid");

            browser.findElements(By.cssSelector("table.grid tr[data-execution] td a[href*='/executions/']")).get(0).click();
            assertDrawn(browser, browser.findElement(By.id("gantt")), "gantt", StatusColors.of("COMPLETED"));

            browser.get(base + "/vods/" + BrokenVideoDay.GOOD);
            WebElement timeline = browser.findElement(By.id("timeline"));
            assertDrawn(browser, timeline, "vod-timeline", new java.awt.Color(0x3a7bd5));
            shot(browser, "vod");
        } finally {
            browser.quit();
        }
    }

    /** The image loaded and has lines or bars in the colour: it is a chart, not a blank or broken image. */
    private static void assertDrawn(ChromeDriver browser, WebElement image, String name, java.awt.Color color) throws Exception {
        Object width = browser.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1", image);
        assertThat(((Number) width).intValue()).as(name + " loaded").isGreaterThan(0);
        browser.executeScript("arguments[0].scrollIntoView()", image);
        byte[] png = image.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), png);
        BufferedImage drawn = Pngs.decode(png);
        assertThat(Pngs.pixels(drawn, color)).as(name + " has its " + color + " marks").isGreaterThan(100);
    }

    private static void shot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
