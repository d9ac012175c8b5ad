package dev.highlighter.app.cli;

import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.Highlight;
import dev.highlighter.app.demo.DemoDay;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a sample day (a VOD rendered with JavaCV and a chat log with reactions at known",
                "moments), runs the highlights job on it and prints the highlights it found."})
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "yyyy-MM-dd", description = "Logical date of the sample day (default: ${DEFAULT-VALUE}).")
    LocalDate date = LocalDate.of(2026, 1, 1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    FileSystem fs;

    @Autowired
    HdfsLayout layout;

    @Autowired
    JobRunner runner;

    @Autowired
    @Lazy // picocli builds every command up front; only this one's use should start HBase
    Connection connection;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Writing the sample day %s to %s%n", date, DemoDay.write(fs, layout, date));
        out.flush();
        JobExecution execution = runner.run(HighlightsJobConfiguration.JOB, date, true);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            spec.commandLine().getErr().println("the highlights job ended " + execution.getStatus());
            return 1;
        }
        HighlightReader reader = new HighlightReader(connection);
        String version = new VodRowReader(connection).read(DemoDay.VOD_ID).flatMap(VodRow::modelVersion).orElseThrow();
        List<Highlight> found = reader.highlights(DemoDay.VOD_ID, version);
        out.printf("%nHighlights of %s (model %s), events were at %s s:%n", DemoDay.VOD_ID, version, DemoDay.EVENTS_S);
        out.println("rank  start    end        score  driven by");
        for (Highlight h : found.stream().sorted(java.util.Comparator.comparingInt(Highlight::rank)).toList()) {
            out.printf(Locale.ROOT, "%4d  %6.1fs  %6.1fs  %9.3f  %s%n", h.rank(), h.startSeconds(), h.endSeconds(), h.score(),
                    String.join(", ", h.topFeatures()));
        }
        long caught = DemoDay.EVENTS_S.stream()
                .filter(e -> found.stream().anyMatch(h -> h.startSeconds() <= e + 1 && h.endSeconds() >= e)).count();
        out.printf("%d of %d known events are inside a highlight.%n", caught, DemoDay.EVENTS_S.size());
        out.flush();
        return caught == DemoDay.EVENTS_S.size() ? 0 : 1;
    }
}
