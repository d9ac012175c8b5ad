package dev.highlighter.jobs.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.jobs.HighlighterJobTest;
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
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The reports job over what the highlights job wrote for real LoL games, checked against HBase's own counts. */
@HighlighterJobTest
class ReportsJobTest {

    static final LocalDate DAY = LocalDate.of(2019, 10, 20);
    static final LocalDate BAD_DAY = LocalDate.of(2019, 10, 21);
    static final LocalDate EMPTY_DAY = LocalDate.of(2019, 10, 22);

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

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

        long started = System.nanoTime();
        JobExecution run = runner.run(ReportsJobConfiguration.JOB, DAY, false);
        System.out.printf("reports job for %d LoL games: %.1f s%n", games.size(), (System.nanoTime() - started) / 1e9);
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

        String html = hdfs.read(new Path(dir, "index.html"));
        assertThat(html).contains("Top 10 highlights", "Channel lck", "Channel lolesports", "Highlights job stages");
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

        JobExecution run = runner.run(ReportsJobConfiguration.JOB, BAD_DAY, false);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = layout.reports(BAD_DAY);
        String html = hdfs.read(new Path(dir, "index.html"));
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
