package dev.highlighter.app.cli;

import dev.highlighter.app.HighlighterMain.CliArguments;
import dev.highlighter.app.storage.StorageFaults;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Executes the command line inside the application; commands get their collaborators injected.
 * Its exit code goes back to the launcher through {@link CliArguments}, not as an ExitCodeGenerator
 * bean (see HighlighterMain).
 */
@Component
public class CliRunner implements CommandLineRunner {

    private final ApplicationContext context;
    private final ObjectProvider<CliArguments> arguments;
    private final ObjectProvider<StorageFaults> faults;

    public CliRunner(ApplicationContext context, ObjectProvider<CliArguments> arguments, ObjectProvider<StorageFaults> faults) {
        this.context = context;
        this.arguments = arguments;
        this.faults = faults;
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
        CommandLine commandLine = HighlighterCommand.commandLine(factory);
        Throwable[] thrown = new Throwable[1];
        CommandLine.IExecutionExceptionHandler handler = commandLine.getExecutionExceptionHandler();
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            thrown[0] = e;
            return handler.handleExecutionException(e, line, parsed);
        });
        int exitCode = commandLine.execute(cli.args());
        cli.exitCode().set(exitCode);
        if (exitCode == ExitCodes.FAILED) {
            // the failure's own words are often the client's ("hconnection closed"); say what storage did
            faults.ifAvailable(f -> f.diagnose(thrown[0]).ifPresent(why -> commandLine.getErr().println("highlighter: " + why)));
        }
    }
}
