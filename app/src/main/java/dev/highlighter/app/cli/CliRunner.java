package dev.highlighter.app.cli;

import dev.highlighter.app.HighlighterMain.CliArguments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Executes the command line inside the application; commands get their collaborators injected. */
@Component
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private final ObjectProvider<CliArguments> arguments;
    private int exitCode;

    public CliRunner(ApplicationContext context, ObjectProvider<CliArguments> arguments) {
        this.context = context;
        this.arguments = arguments;
    }

    @Override
    public void run(String... ignored) {
        CliArguments cli = arguments.getIfAvailable();
        if (cli == null) {
            return; // started without the launcher, e.g. by a test
        }
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getPackageName().startsWith("dev.highlighter")) {
                    return context.getAutowireCapableBeanFactory().createBean(cls);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        exitCode = HighlighterCommand.commandLine(factory).execute(cli.args());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
