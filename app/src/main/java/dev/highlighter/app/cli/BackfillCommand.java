package dev.highlighter.app.cli;

import dev.highlighter.schedules.Backfill;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Runs a job for every date of a range: new dates start, failed dates restart, completed dates",
                "are skipped unless --rerun. Prints a status table with one row per date."})
public class BackfillCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job: highlights.")
    String job;

    @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", description = "First date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "yyyy-MM-dd", description = "Last date (inclusive).")
    LocalDate to;

    @Option(names = "--parallel", defaultValue = "1", description = "Dates run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--rerun", description = "Run completed dates again as new runs.")
    boolean rerun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    Backfill backfill;

    @Override
    public Integer call() throws Exception {
        List<Backfill.Row> rows = backfill.run(job, from, to, parallel, rerun, Map.of());
        spec.commandLine().getOut().print(Backfill.table(rows));
        spec.commandLine().getOut().flush();
        return rows.stream().allMatch(r -> r.status().startsWith("COMPLETED")) ? 0 : 1;
    }
}
