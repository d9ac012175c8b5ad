package dev.highlighter.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.highlighter.console.runs.StatusColors;
import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.launch.JobRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.htmlunit.MockMvcWebClientBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pages as an operator uses them, through HtmlUnit on MockMvc: log in with the form, find the
 * failed run on the grid, read why its VOD failed, restart it with the page's button (its CSRF
 * token and all) once the file is fixed, and follow it to the VOD's timeline and segments.
 */
@ConsoleTest
class ConsolePagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    WebClient browser;

    @BeforeEach
    void browser() {
        browser = MockMvcWebClientBuilder.webAppContextSetup(context,
                org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void anOperatorFindsTheFailedRunRestartsItAndReadsTheVod() throws Exception {
        BrokenVideoDay day = new BrokenVideoDay(fs, layout, connection, LocalDate.of(2026, 4, 1));
        JobExecution failed = day.failedRun(runner);

        HtmlPage login = browser.getPage("http://localhost/");
        assertThat(login.getUrl().getPath()).isEqualTo("/login");
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type("operator");
        form.getInputByName("password").type("operator-pw");
        HtmlPage grid = form.getOneHtmlElementByAttribute("button", "id", "login").click();
        assertThat(grid.getUrl().getPath()).isEqualTo("/");
        assertThat(grid.getAnchors()).as("no report was run for the date: no link to a missing page")
                .noneMatch(a -> a.getHrefAttribute().startsWith("/reports/2026-04-01/"));
        org.apache.hadoop.fs.Path report = layout.reports(LocalDate.of(2026, 4, 1));
        try (var out = fs.create(new org.apache.hadoop.fs.Path(report, "index.html"))) {
            out.write("<html><body>report</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        grid = browser.getPage("http://localhost/");
        assertThat(grid.getAnchors()).as("a date whose report exists links it")
                .anyMatch(a -> a.getHrefAttribute().equals("/reports/2026-04-01/index.html"));

        HtmlPage failedOnly = browser.getPage("http://localhost/?job=highlights&status=FAILED&from=2026-04-01&to=2026-04-01");
        var row = failedOnly.querySelector("tr[data-execution='" + failed.getId() + "']");
        assertThat(row).as(failedOnly.asNormalizedText()).isNotNull();
        assertThat(row.asNormalizedText()).contains("2026-04-01").contains("FAILED");
        HtmlAnchor mediaCell = (HtmlAnchor) row.querySelector("a.cell[title^='mediaFeatures']");
        assertThat(mediaCell.getAttribute("class")).contains("FAILED");

        HtmlPage execution = mediaCell.click();
        assertThat(execution.getElementById("status").asNormalizedText()).isEqualTo("FAILED");
        String partitions = execution.getElementById("partitions").asNormalizedText();
        assertThat(partitions).contains(BrokenVideoDay.BROKEN).contains("not a media file FFmpeg can read (it is text)")
                .contains(BrokenVideoDay.GOOD);
        assertThat(execution.getElementById("steps").asNormalizedText()).contains("chatFeatures").contains("summary");
        BufferedImage gantt = Pngs.decode(browser.getPage("http://localhost/executions/" + failed.getId() + "/gantt.png")
                .getWebResponse().getContentAsStream().readAllBytes());
        assertThat(Pngs.pixels(gantt, StatusColors.of("FAILED"))).as("red bars of the failed steps").isGreaterThan(100);
        assertThat(Pngs.pixels(gantt, StatusColors.of("COMPLETED"))).as("green bars of the completed ones").isGreaterThan(100);

        day.fix();
        HtmlPage restarted = execution.getHtmlElementById("restart").click();
        assertThat(restarted.getElementById("flash").asNormalizedText()).contains("restart").contains("started");
        JobExecution done = awaitCompleted(day.date());

        HtmlPage after = browser.getPage("http://localhost/?job=highlights&from=2026-04-01&to=2026-04-01");
        assertThat(after.querySelector("tr[data-execution='" + done.getId() + "']").asNormalizedText()).contains("COMPLETED");
        HtmlPage doneExecution = browser.getPage("http://localhost/executions/" + done.getId());
        assertThat(doneExecution.getElementById("partitions").asNormalizedText()).contains(BrokenVideoDay.BROKEN);

        HtmlPage vod = browser.getPage("http://localhost/vods/" + BrokenVideoDay.BROKEN);
        assertThat(vod.getElementById("vod-status").asNormalizedText()).contains("SCORED");
        byte[] timelinePng = browser.getPage("http://localhost/vods/" + BrokenVideoDay.BROKEN + "/timeline.png")
                .getWebResponse().getContentAsStream().readAllBytes();
        Files.createDirectories(java.nio.file.Path.of("target"));
        Files.write(java.nio.file.Path.of("target", "timeline-" + BrokenVideoDay.BROKEN + ".png"), timelinePng);
        BufferedImage timeline = Pngs.decode(timelinePng);
        assertThat(Pngs.pixels(timeline, new java.awt.Color(0xe6a020))).as("the loudness line").isGreaterThan(50);
        assertThat(Pngs.pixels(timeline, new java.awt.Color(0x8e44ad))).as("the motion line").isGreaterThan(50);
        assertThat(Pngs.pixels(timeline, new java.awt.Color(0xd0392b))).as("the probability line").isGreaterThan(50);
        HtmlPage good = browser.getPage("http://localhost/vods/" + BrokenVideoDay.GOOD);
        assertThat(good.getElementById("segments").asNormalizedText()).contains("rank");

        HtmlPage list = browser.getPage("http://localhost/vods?date=2026-04-01&channel=" + BrokenVideoDay.CHANNEL);
        assertThat(list.getElementById("vods").asNormalizedText()).contains(BrokenVideoDay.BROKEN).contains(BrokenVideoDay.GOOD);

        HtmlPage audit = browser.getPage("http://localhost/audit");
        assertThat(audit.getElementById("audit").asNormalizedText()).contains("operator").contains("restart")
                .contains("execution " + failed.getId());
        HtmlPage steps = browser.getPage("http://localhost/steps?name=mediaFeatures&last=10");
        assertThat(steps.getElementById("stats").asNormalizedText()).contains("duration ms");
        assertThat(Pngs.decode(browser.getPage("http://localhost/steps/history.png?name=mediaFeatures&last=10")
                .getWebResponse().getContentAsStream().readAllBytes()).getWidth()).isEqualTo(800);
        assertThat(browser.<HtmlPage>getPage("http://localhost/schedules").getElementById("schedules").asNormalizedText())
                .contains("highlights").contains("0 2 * * *");
        assertThat(browser.<HtmlPage>getPage("http://localhost/models").getElementById("champion").asNormalizedText()).isEqualTo("rule-v0");
        assertThat(browser.<HtmlPage>getPage("http://localhost/quarantine/highlights/2026-04-01/" + BrokenVideoDay.GOOD)
                .asNormalizedText()).contains("Quarantined rows of " + BrokenVideoDay.GOOD);

        HtmlPage loggedOut = grid.getElementById("logout").click();
        assertThat(loggedOut.getUrl().toString()).endsWith("/login?logout");
        assertThat(browser.<HtmlPage>getPage("http://localhost/").getUrl().getPath()).isEqualTo("/login");
    }

    @Test
    void aReelStreamsWithRangeRequests() throws Exception {
        byte[] video = Files.readAllBytes(BrokenVideoDay.video("chaplin.mp4"));
        org.apache.hadoop.fs.Path reel = layout.reel("console", LocalDate.of(2026, 4, 2), "reel-vod");
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(BrokenVideoDay.video("chaplin.mp4").toUri()), reel);
        try (Table vods = connection.getTable(HBaseSchema.VODS)) {
            vods.put(new Put(HBaseSchema.vodRow("reel-vod")).addColumn(HBaseSchema.DATA, Bytes.toBytes("reel_path"),
                    Bytes.toBytes(fs.makeQualified(reel).toString())));
        }
        var partial = mvc.perform(get("/vods/reel-vod/reel.mp4").header(HttpHeaders.RANGE, "bytes=1000-1999").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + video.length))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(partial).isEqualTo(java.util.Arrays.copyOfRange(video, 1000, 2000));
        var whole = mvc.perform(get("/vods/reel-vod/reel.mp4").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(whole).isEqualTo(video);
    }

    /** A date's report folder opens from HDFS as it is, its relative images beside it; nothing else of the layout does. */
    @Test
    void aReportFolderIsServedFromHdfsAndNothingElse() throws Exception {
        org.apache.hadoop.fs.Path dir = layout.reports(LocalDate.of(2026, 4, 3));
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", bytes);
        byte[] png = bytes.toByteArray();
        try (var out = fs.create(new org.apache.hadoop.fs.Path(dir, "index.html"), true)) {
            out.write("<html><body><h1>Report 2026-04-03</h1><img src=\"scores.png\"></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var out = fs.create(new org.apache.hadoop.fs.Path(dir, "scores.png"), true)) {
            out.write(png);
        }
        String page = mvc.perform(get("/reports/2026-04-03/index.html").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.startsWith("text/html")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Report 2026-04-03");
        byte[] image = mvc.perform(get("/reports/2026-04-03/scores.png").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(image).isEqualTo(png);
        mvc.perform(get("/reports/2026-04-04/index.html").with(user("viewer").roles("VIEWER"))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/vods/index.html").with(user("viewer").roles("VIEWER"))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/2026-04-03/..%2F..%2Fmodels").with(user("viewer").roles("VIEWER"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/reports/2026-04-03/index.html")) // not logged in: the login form, or 401 for a non-browser
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
    }

    private JobExecution awaitCompleted(LocalDate date) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JobExecution last = runner.lastExecution("highlights", date);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the restarted run did not complete: " + runner.lastExecution("highlights", date));
    }
}
