package dev.highlighter.app;

import dev.highlighter.app.cli.HighlighterCommand;
import dev.highlighter.app.storage.StorageFaults;
import java.util.Map;
import dev.highlighter.app.standalone.Attach;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The launcher. Arguments are checked before anything starts, so {@code --help} and bad
 * arguments answer at once, without starting storage. Only a valid command starts the Spring
 * application, which runs it as a Spring Cloud Task and exits with its code.
 */
public final class HighlighterMain {

    private HighlighterMain() {
    }

    public static void main(String[] args) {
        CommandLine check = HighlighterCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return CommandLine.defaultFactory().create(cls);
            }
        });
        CommandLine.ParseResult parsed;
        try {
            parsed = check.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("highlighter: " + e.getMessage());
            System.err.println("Try 'highlighter " + (e.getCommandLine().getCommandName().equals("highlighter") ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            System.exit(2);
            return;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            System.exit(0);
            return;
        }
        if (!parsed.hasSubcommand()) {
            check.usage(System.err);
            System.exit(2);
            return;
        }
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Map<String, Object> cliProperties = HighlighterCommand.properties(parsed);
        Object root = cliProperties.getOrDefault("highlighter.root", System.getenv("HIGHLIGHTER_ROOT"));
        String rootProblem = RootCheck.problem(root == null ? null : root.toString());
        if (rootProblem != null) {
            System.err.println("highlighter: " + rootProblem);
            System.exit(2);
            return;
        }
        String task = leaf.commandSpec().qualifiedName("-").replace("highlighter-", "");
        SpringApplication app = new SpringApplication(HighlighterApplication.class);
        Map<String, Object> properties = new java.util.LinkedHashMap<>(cliProperties);
        properties.put("spring.cloud.task.name", "highlighter-" + task);
        // only the console and standalone serve HTTP; every other command stays a plain process
        boolean serves = task.equals("console") || task.equals("standalone");
        app.setWebApplicationType(serves ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (task.equals("standalone")) {
            properties.put("highlighter.console.standalone", "true");
        } else {
            properties.putAll(Attach.properties(Attach.dataDir(cliProperties.get("highlighter.data-dir"), System.getenv()), System.getenv()));
        }
        properties.putAll(ReadCommands.properties(task, properties));
        app.setDefaultProperties(properties);
        CliArguments cli = new CliArguments(args, new java.util.concurrent.atomic.AtomicInteger());
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("cliArguments", cli));
        int code;
        try {
            ConfigurableApplicationContext context = app.run();
            // the command's code, not the context's ExitCodeGenerator beans: once an ObservationRegistry exists (the
            // console's Actuator), Spring Cloud Task wraps every CommandLineRunner in an observed proxy that is no longer
            // an ExitCodeGenerator, and every failure exited 0
            code = SpringApplication.exit(context, () -> cli.exitCode().get());
        } catch (RuntimeException e) {
            // the application could not start, or the task's end could not be recorded (a full disk under the job
            // repository); its context is closed already, and without an exit here HBase's threads keep the JVM alive
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            Object dataDir = properties.getOrDefault("highlighter.data-dir", System.getenv().getOrDefault("HIGHLIGHTER_DATA_DIR", "data"));
            String why = new StorageFaults(java.nio.file.Path.of(dataDir.toString())).diagnose(e).map(d -> "; " + d).orElse("");
            System.err.println("highlighter: " + firstLine(cause) + why);
            code = 1;
        }
        System.exit(code);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The raw arguments, handed to the runner inside the application, and the code its command exited with. */
    public record CliArguments(String[] args, java.util.concurrent.atomic.AtomicInteger exitCode) {
    }
}
