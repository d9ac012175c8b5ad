package dev.highlighter.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line, in the style of the Airflow CLI: every subcommand is listed here. */
@Command(name = "highlighter", mixinStandardHelpOptions = true, version = "highlighter 0.1.0",
        description = "Finds highlights in archived live streams: batch jobs over HDFS and HBase.",
        subcommands = {RunCommand.class, BackfillCommand.class, TriggerCommand.class, SchedulerCommand.class,
                ExportCommand.class, EvaluateCommand.class, CrossvalCommand.class, ModelsCommand.class,
                DemoCommand.class, BenchCommand.class, ConsoleCommand.class, StandaloneCommand.class, WorkerCommand.class})
public class HighlighterCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--root", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URI",
            description = "Root of the file layout, e.g. file:///data/streams or hdfs://nn/highlighter (default: embedded ./data/fs).")
    String root;

    @CommandLine.Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of the embedded HBase and job repository (default: ./data).")
    String dataDir;

    /** Spring properties that the global options set. */
    public static java.util.Map<String, Object> properties(CommandLine.ParseResult parsed) {
        java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
        for (CommandLine.ParseResult level = parsed; level != null; level = level.hasSubcommand() ? level.subcommand() : null) {
            if (level.hasMatchedOption("--root")) {
                props.put("highlighter.root", level.matchedOptionValue("--root", ""));
            }
            if (level.hasMatchedOption("--port")) { // console and standalone: the web server's port
                props.put("server.port", level.matchedOptionValue("--port", 8080));
            }
            if ("worker".equals(level.commandSpec().name())) {
                props.putAll(WorkerCommand.PROPERTIES);
            }
            if (level.hasMatchedOption("--data-dir")) {
                props.put("highlighter.data-dir", level.matchedOptionValue("--data-dir", ""));
            }
        }
        return props;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(HighlighterCommand.class, factory);
        cli.registerConverter(LocalDate.class, HighlighterCommand::date);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println("highlighter " + line.getCommandName() + ": " + oneLine(e));
            return ExitCodes.of(e);
        });
        return cli;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
