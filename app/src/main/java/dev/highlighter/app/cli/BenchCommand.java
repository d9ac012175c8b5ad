package dev.highlighter.app.cli;

import dev.highlighter.app.bench.ChaosBench;
import dev.highlighter.app.bench.ChatBench;
import dev.highlighter.app.bench.DayBench;
import dev.highlighter.app.bench.HBaseBench;
import dev.highlighter.app.bench.JobBench;
import dev.highlighter.app.bench.MediaBench;
import dev.highlighter.app.bench.StartupBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print figures (speed targets live here, not in timed tests), one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Prints performance figures.",
        subcommands = {ChatBench.class, JobBench.class, MediaBench.class, DayBench.class, HBaseBench.class, ChaosBench.class, StartupBench.class})
public class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
