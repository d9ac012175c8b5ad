package dev.highlighter.app.cli;

import dev.highlighter.core.Highlight;
import dev.highlighter.core.VodRef;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the highlights of a date as CSV: vod_id,start_s,end_s,score,model_version.")
public class ExportCommand implements Callable<Integer> {

    public static final String HEADER = "vod_id,start_s,end_s,score,model_version";

    @Option(names = "--date", required = true, paramLabel = "yyyy-MM-dd", description = "The logical date.")
    LocalDate date;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--model", paramLabel = "VERSION", description = "Model version (default: the one that last scored each VOD).")
    String model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    VodCatalog catalog;

    @Autowired
    @Lazy // picocli builds every command up front; only this one's use should start HBase
    Connection connection;

    @Autowired
    JobRunner runner;

    @Override
    public Integer call() throws Exception {
        if (runner.lastExecution(HighlightsJobConfiguration.JOB, date) == null) {
            spec.commandLine().getErr().printf("highlights has never run for %s here, so there is nothing to export"
                    + " (run it first: highlighter run highlights --date %s)%n", date, date);
            return ExitCodes.FAILED;
        }
        HighlightReader reader = new HighlightReader(connection);
        VodRowReader vodRows = new VodRowReader(connection);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int rows = 0;
        List<VodRef> vods = catalog.list(date);
        for (VodRef vod : vods) {
            String version = model != null ? model : vodRows.read(vod.vodId()).flatMap(VodRow::modelVersion).orElse(null);
            if (version == null) {
                continue; // not scored
            }
            for (Highlight h : reader.highlights(vod.vodId(), version)) {
                csv.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.4f,%s%n", h.vodId(), h.startSeconds(), h.endSeconds(), h.score(), version));
                rows++;
            }
        }
        if (out == null) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, csv, StandardCharsets.UTF_8);
            PrintWriter err = spec.commandLine().getErr();
            err.printf("Wrote %d highlights of %d VODs to %s%n", rows, vods.size(), out);
        }
        return 0;
    }
}
