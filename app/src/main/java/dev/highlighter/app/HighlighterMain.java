package dev.highlighter.app;

import dev.highlighter.app.cli.HighlighterCommand;
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
        app.setDefaultProperties(properties);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("cliArguments", new CliArguments(args)));
        ConfigurableApplicationContext context = app.run();
        System.exit(SpringApplication.exit(context));
    }

    /** The raw arguments, handed to the runner inside the application. */
    public record CliArguments(String[] args) {
    }
}
