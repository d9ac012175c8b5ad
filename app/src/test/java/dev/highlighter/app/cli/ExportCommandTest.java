package dev.highlighter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.HighlighterApplication;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.MiniClusterStorage;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.readers.hbase.HighlightReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** The shell's application on the mini clusters: a job run, then export reads back exactly what is in HBase. */
@SpringBootTest(classes = {HighlighterApplication.class, MiniClusterStorage.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.url=jdbc:h2:mem:highlighter-app-test;DB_CLOSE_DELAY=-1",
        "spring.cloud.task.name=highlighter-app-test",
        "spring.main.web-application-type=none"}) // as the launcher runs every command but console and standalone
class ExportCommandTest {

    static final LocalDate DATE = LocalDate.of(2019, 10, 4);
    static final List<String> GAMES = List.of("102844212428895431", "102844224147717245");

    @Autowired
    JobRunner runner;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;
    @Autowired
    ApplicationContext context;

    @Test
    void exportWritesEveryHighlightOfTheDate() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        for (String game : GAMES) {
            hdfs.put("lolesports", DATE, game + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
        }
        assertThat(runner.run(HighlightsJobConfiguration.JOB, DATE, false).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        StringWriter csv = new StringWriter();
        CommandLine export = HighlighterCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls.getPackageName().startsWith("dev.highlighter") ? context.getAutowireCapableBeanFactory().createBean(cls)
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        export.setOut(new PrintWriter(csv));
        assertThat(export.execute("export", "--date", DATE.toString())).isZero();

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("vod_id,start_s,end_s,score,model_version");
        HighlightReader highlights = new HighlightReader(connection);
        long expected = 0;
        for (String game : GAMES) {
            expected += highlights.highlights(game, RuleModelV0.VERSION).size();
        }
        assertThat(expected).isPositive();
        assertThat(lines).hasSize((int) expected + 1);
        // the score is the segment's log-odds above the threshold summed over it: 0 up, unbounded (it
        // was the peak probability, in [0, 1], which saturated at 1.0000 and could not rank)
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("\\d+,\\d+\\.\\d{3},\\d+\\.\\d{3},\\d+\\.\\d{4},rule-v0"));
        List<Double> scores = lines.subList(1, lines.size()).stream().map(l -> Double.parseDouble(l.split(",")[3])).toList();
        assertThat(scores).as("scores rank: no ties").doesNotHaveDuplicates();
    }
}
