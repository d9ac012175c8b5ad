package dev.highlighter.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The admin console alone, over the configured job repository (or the standalone process's),
 * as the chart's console Deployment runs it. It refuses to start without configured users.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serves the admin console (runs, executions, schedules, models, VODs) until stopped.",
                "Users come from highlighter.console.users.<name>.password-hash / .role; there is no default password."})
public class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    Environment environment;
    @Autowired
    ApplicationContext context;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Console: http://localhost:%d/ (Ctrl-C stops it)%n", environment.getProperty("local.server.port", Integer.class, port));
        out.flush();
        // this command runs inside Boot's command-line runner, which would hold readiness back until it returns
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        RunningScheduler.awaitShutdown(() -> { });
        return ExitCodes.OK;
    }
}
