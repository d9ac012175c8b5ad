package dev.highlighter.jobs.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.readers.hbase.VodRowReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hdfs.client.HdfsAdmin;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The reports job over what the highlights job wrote for real LoL games, checked against HBase's own counts. */
@HighlighterJobTest
class ReportsJobTest {

    static final LocalDate DAY = LocalDate.of(2019, 10, 20);
    static final LocalDate BAD_DAY = LocalDate.of(2019, 10, 21);
    static final LocalDate EMPTY_DAY = LocalDate.of(2019, 10, 22);
    static final LocalDate RESTART_DAY = LocalDate.of(2019, 10, 24);
    static final List<String> RESTART_GAMES = List.of("102844412705217835", "102844412716227901");
    /** Games whose labels the feedback job stores, one per channel (both among those ModelLoopTest labels too). */
    static final List<String> STORED_LABELS = List.of("102844212428895431", "102844212430075086");

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;
    @Autowired
    JobRepository repository;
    @Autowired
    HighlighterProperties props;

    JobTestSupport hdfs;

    @BeforeEach
    void setUp() {
        hdfs = new JobTestSupport(fs, layout, connection);
    }

    @Test
    void aDayOfLolGamesAddsUpToWhatHBaseHolds() throws Exception {
        List<String> games = new ArrayList<>(SharedData.LOL_ROWS.keySet());
        for (int i = 0; i < games.size(); i++) {
            // two channels, so the report has per-channel figures to get right
            hdfs.put(i % 2 == 0 ? "lolesports" : "lck", DAY, games.get(i) + ".chat.csv", SharedData.lolChat().resolve(games.get(i) + ".csv"));
        }
        assertThat(runner.run(HighlightsJobConfiguration.JOB, DAY, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // two games get labels stored in windows:l by the feedback job; the run's labels.json covers all 16
        LabelFiguresCheck labels = new LabelFiguresCheck(connection, fs, layout, props);
        Path labelsFile = labels.store(STORED_LABELS);
        try {
            aDayOfLolGames(games, labelsFile, labels);
        } finally {
            labels.delete(STORED_LABELS);
        }
    }

    private void aDayOfLolGames(List<String> games, Path labelsFile, LabelFiguresCheck labels) throws Exception {
        assertThat(runner.run("feedback", DAY, false, Map.of("labels", labelsFile.toString())).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String labelsJson = SharedData.lolLabels().toUri().toString();

        long started = System.nanoTime();
        JobExecution run = runner.run(ReportsJobConfiguration.JOB, DAY, false, Map.of("labels", labelsJson));
        System.out.printf("reports job for %d LoL games: %.1f s (%s)%n", games.size(), (System.nanoTime() - started) / 1e9,
                run.getStepExecutions().stream().map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s", e.getStepName(),
                        java.time.Duration.between(e.getStartTime(), e.getEndTime()).toMillis() / 1000.0)).collect(java.util.stream.Collectors.joining(", ")));
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path dir = layout.reports(DAY);
        List<String[]> vods = csv(new Path(dir, "vods.csv"), ReportCsv.VODS_HEADER);
        List<String[]> highlights = csv(new Path(dir, "highlights.csv"), ReportCsv.HIGHLIGHTS_HEADER);

        VodRowReader rows = new VodRowReader(connection);
        long hbaseHighlights = 0, hbaseMessages = 0, hbaseRejected = 0;
        for (String game : games) {
            VodRow row = rows.read(game).orElseThrow();
            String model = row.modelVersion().orElseThrow();
            hbaseHighlights += highlightRows(game, model);
            hbaseMessages += row.number(VodColumn.CHAT_MESSAGES).orElseThrow();
            hbaseRejected += row.number(VodColumn.CHAT_REJECTED).orElse(0);
        }
        assertThat(vods).as("one line per VOD").hasSize(games.size());
        assertThat(vods).extracting(v -> v[2]).containsExactlyInAnyOrderElementsOf(games);
        assertThat(highlights).as("one line per highlight row in HBase").hasSize((int) hbaseHighlights);
        assertThat(sum(vods, 6)).as("messages read").isEqualTo(hbaseMessages)
                .isEqualTo(games.stream().mapToLong(SharedData::lolMessages).sum());
        assertThat(sum(vods, 7)).as("rejected rows").isEqualTo(hbaseRejected);
        assertThat(sum(vods, 8)).as("highlights per VOD").isEqualTo(hbaseHighlights);
        assertThat(vods).allSatisfy(v -> assertThat(v[3]).isEqualTo("SCORED"));
        assertThat(vods).filteredOn(v -> v[0].equals("lck")).hasSize(games.size() / 2);

        // one partition per channel, as the job repository recorded them, each with its channel's counts
        List<String> steps = run.getStepExecutions().stream().map(StepExecution::getStepName).sorted().toList();
        assertThat(steps).containsExactly("assemble", "channels", "reportChannel:lck", "reportChannel:lolesports");
        for (String channel : List.of("lck", "lolesports")) {
            StepExecution part = repository.getLastStepExecution(run.getJobInstance(), "reportChannel:" + channel);
            assertThat(part.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(part.getExecutionContext().getLong(ChannelReportTasklet.VODS_FOUND)).as(channel + " VODs").isEqualTo(games.size() / 2);
            assertThat(part.getExecutionContext().getLong(ChannelReportTasklet.HIGHLIGHTS_FOUND)).as(channel + " highlights")
                    .isEqualTo(highlights.stream().filter(h -> h[0].equals(channel)).count());
            assertThat(part.getExecutionContext().getLong(ChannelReportTasklet.LABELLED_VODS)).as(channel + " labelled VODs").isEqualTo(games.size() / 2);
            assertThat(part.getWriteCount()).isEqualTo(games.size() / 2 + part.getExecutionContext().getLong(ChannelReportTasklet.HIGHLIGHTS_FOUND));
        }

        String html = hdfs.read(new Path(dir, "index.html"));
        assertThat(html).contains("Top 10 highlights", "Channel lck", "Channel lolesports", "Highlights job stages");
        labels.check(vods, html, labelsJson);
        assertThat(html).as("the day's highlights run, from the job repository")
                .containsPattern("<td>2019-10-20</td><td>COMPLETED</td><td>[0-9.]+</td><td>16</td><td>0</td><td>" + hbaseRejected + "</td>");
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (images.find()) {
            assertThat(fs.getFileStatus(new Path(dir, images.group(1))).getLen()).as(images.group(1)).isGreaterThan(1000);
            n++;
        }
        assertThat(n).as("scores, per-hour and a timeline per VOD").isEqualTo(2 + games.size());

        // a second run of the date rebuilds the folder: the same lines, none twice, nothing left behind
        String before = hdfs.read(new Path(dir, "highlights.csv"));
        assertThat(runner.run(ReportsJobConfiguration.JOB, DAY, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(hdfs.read(new Path(dir, "highlights.csv"))).isEqualTo(before);
        assertThat(fs.listStatus(dir.getParent())).extracting(s -> s.getPath().getName()).noneMatch(name -> name.startsWith("."));

        // a roll-up over a range is its own run and its own folder
        JobExecution rollup = runner.run(ReportsJobConfiguration.JOB, DAY.minusDays(6), DAY, false, Map.of());
        assertThat(rollup.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rollup.getJobInstance().getInstanceId()).isNotEqualTo(run.getJobInstance().getInstanceId());
        Path week = layout.reports(DAY.minusDays(6), DAY);
        assertThat(week.getName()).isEqualTo("2019-10-14_2019-10-20");
        assertThat(csv(new Path(week, "highlights.csv"), ReportCsv.HIGHLIGHTS_HEADER)).hasSize((int) hbaseHighlights);
        assertThat(hdfs.read(new Path(week, "index.html"))).contains("2019-10-14 to 2019-10-20", "Trend per day");
    }

    /**
     * A namespace quota on reports/ leaves the staging folder one name short, so the run fails in
     * one channel's partition while the other completes. Without the quota, the restart runs only the
     * partitions that failed, keeps the completed ones' parts, and the report has each line once,
     * the same as a clean re-run's.
     */
    @Test
    void aRestartRerunsOnlyTheFailedChannelsAndAppendsNothing() throws Exception {
        hdfs.put("lolesports", RESTART_DAY, RESTART_GAMES.get(0) + ".chat.csv", SharedData.lolChat().resolve(RESTART_GAMES.get(0) + ".csv"));
        hdfs.put("lck", RESTART_DAY, RESTART_GAMES.get(1) + ".chat.csv", SharedData.lolChat().resolve(RESTART_GAMES.get(1) + ".csv"));
        assertThat(runner.run(HighlightsJobConfiguration.JOB, RESTART_DAY, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path reports = layout.reports(RESTART_DAY).getParent();
        fs.mkdirs(reports);
        org.apache.hadoop.fs.ContentSummary used = fs.getContentSummary(reports);
        // the staging folder, its channel list, and each channel's folder, timeline and part.json make 8 names (the
        // first two written before any partition starts): the 8th, whichever channel's it is, fails that channel
        long quota = used.getDirectoryCount() + used.getFileCount() + 7;
        HdfsAdmin admin = new HdfsAdmin(fs.getUri(), fs.getConf());
        JobExecution failed;
        try {
            admin.setQuota(reports, quota);
            failed = runner.run(ReportsJobConfiguration.JOB, RESTART_DAY, false);
        } finally {
            admin.clearQuota(reports);
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<String> failedChannels = failed.getStepExecutions().stream()
                .filter(e -> e.getStepName().startsWith("reportChannel:") && e.getStatus() == BatchStatus.FAILED)
                .map(e -> e.getStepName()).toList();
        List<String> completedChannels = failed.getStepExecutions().stream()
                .filter(e -> e.getStepName().startsWith("reportChannel:") && e.getStatus() == BatchStatus.COMPLETED)
                .map(e -> e.getStepName()).toList();
        System.out.printf("restart: first run failed %s, completed %s%n", failedChannels, completedChannels);
        assertThat(failedChannels).as("the quota failed one channel's partition").hasSize(1);
        assertThat(completedChannels).as("the other channel completed").hasSize(1);
        assertThat(fs.exists(layout.reports(RESTART_DAY))).as("nothing published by the failed run").isFalse();

        JobExecution restart = runner.run(ReportsJobConfiguration.JOB, RESTART_DAY, false);

        assertThat(restart.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restart.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(restart.getStepExecutions()).extracting(StepExecution::getStepName).filteredOn(n -> n.startsWith("reportChannel:"))
                .as("only the failed channels run again").containsExactlyInAnyOrderElementsOf(failedChannels);
        Path dir = layout.reports(RESTART_DAY);
        String restarted = hdfs.read(new Path(dir, "highlights.csv"));
        List<String[]> vods = csv(new Path(dir, "vods.csv"), ReportCsv.VODS_HEADER);
        assertThat(vods).extracting(v -> v[2]).containsExactlyInAnyOrderElementsOf(RESTART_GAMES);
        assertThat(restarted.lines().toList()).as("no line twice").doesNotHaveDuplicates()
                .hasSize(1 + (int) sum(vods, 8));
        assertThat(hdfs.read(new Path(dir, "index.html"))).contains("timeline-" + RESTART_GAMES.get(0) + ".png",
                "timeline-" + RESTART_GAMES.get(1) + ".png");
        assertThat(fs.listStatus(reports)).extracting(st -> st.getPath().getName()).as("the staging folder is gone")
                .noneMatch(name -> name.startsWith("." + RESTART_DAY));

        assertThat(runner.run(ReportsJobConfiguration.JOB, RESTART_DAY, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(hdfs.read(new Path(dir, "highlights.csv"))).as("a clean re-run writes the same lines").isEqualTo(restarted);
    }

    @Test
    void badRowsAreReportedNotACrash() throws Exception {
        List<String> games = List.of("102844235747982779", "102844294667995333");
        for (String game : games) {
            hdfs.put("lolesports", BAD_DAY, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        assertThat(runner.run(HighlightsJobConfiguration.JOB, BAD_DAY, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String missingColumn = games.get(0);
        String goneRow = games.get(1);
        // every highlight row under the VOD's prefix, of whichever model version other runs left
        long orphans = hdfs.rows(HBaseSchema.HIGHLIGHTS, goneRow);
        assertThat(orphans).isPositive();
        try (Table vods = connection.getTable(HBaseSchema.VODS)) {
            vods.delete(new Delete(HBaseSchema.vodRow(missingColumn)).addColumns(HBaseSchema.DATA, VodColumn.DURATION_MS.bytes()));
            vods.delete(new Delete(HBaseSchema.vodRow(goneRow)));
        }

        Path noLabels = new Path(layout.root(), "labels/not-there.json");
        JobExecution run = runner.run(ReportsJobConfiguration.JOB, BAD_DAY, false, Map.of("labels", noLabels.toString()));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = layout.reports(BAD_DAY);
        String html = hdfs.read(new Path(dir, "index.html"));
        assertThat(html).contains("labels " + noLabels + " could not be read: ");
        assertThat(html).contains("VOD " + missingColumn + ": vods row is SCORED but has no column 'duration_ms'");
        assertThat(html).contains("VOD " + goneRow + " (lolesports/" + BAD_DAY + ") has no row in vods; " + orphans
                + " highlight rows in HBase (any model version) belong to it and are left out");
        List<String[]> vods = csv(new Path(dir, "vods.csv"), ReportCsv.VODS_HEADER);
        assertThat(vods).filteredOn(v -> v[2].equals(goneRow)).singleElement().satisfies(v -> assertThat(v[3]).isEqualTo("MISSING"));
        assertThat(vods).filteredOn(v -> v[2].equals(missingColumn)).singleElement().satisfies(v -> assertThat(v[3]).isEqualTo("SCORED"));
    }

    @Test
    void aDayWithNoDataSaysSo() throws Exception {
        JobExecution run = runner.run(ReportsJobConfiguration.JOB, EMPTY_DAY, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = layout.reports(EMPTY_DAY);
        assertThat(hdfs.read(new Path(dir, "index.html"))).contains("No data for 2019-10-22");
        assertThat(csv(new Path(dir, "vods.csv"), ReportCsv.VODS_HEADER)).isEmpty();
        assertThat(csv(new Path(dir, "highlights.csv"), ReportCsv.HIGHLIGHTS_HEADER)).isEmpty();
    }

    private long highlightRows(String vodId, String model) throws Exception {
        byte[] prefix = HBaseSchema.highlightPrefix(vodId, model);
        long n = 0;
        try (Table t = connection.getTable(HBaseSchema.HIGHLIGHTS);
             ResultScanner s = t.getScanner(new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)))) {
            for (Result ignored : s) {
                n++;
            }
        }
        return n;
    }

    /** The data lines; no field of these reports holds a comma, which the split relies on. */
    private List<String[]> csv(Path file, String header) throws Exception {
        List<String> lines = hdfs.read(file).lines().toList();
        assertThat(lines.get(0)).isEqualTo(header);
        return lines.stream().skip(1).map(l -> l.split(",", -1)).peek(f -> assertThat(f).as(Arrays.toString(f)).hasSize(header.split(",").length)).toList();
    }

    private static long sum(List<String[]> rows, int column) {
        return rows.stream().mapToLong(r -> Long.parseLong(r[column])).sum();
    }
}
