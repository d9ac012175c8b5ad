package dev.highlighter.app.cli;

import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the trained model versions with their held-out metrics; * marks the champion.",
        subcommands = {ModelsCommand.Promote.class, ModelsCommand.Rollback.class})
public class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    ModelRegistry registry;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String champion = registry.champion().orElse("rule-v0");
        out.printf("%-2s%-22s %6s %6s %6s %6s %11s  %s%n", "", "version", "F1", "segP", "segR", "AUC", "thresh/peak", "held-out VODs");
        out.printf("%-2s%-22s %6s %6s %6s %6s %11s  %s%n", champion.equals("rule-v0") ? "*" : "", "rule-v0", "-", "-", "-", "-", "configured",
                "(no training)");
        for (String v : registry.versions()) {
            ModelMetrics m;
            try {
                m = registry.metrics(v);
            } catch (Exception e) {
                out.printf("%-2s%-22s metrics unreadable: %s%n", v.equals(champion) ? "*" : "", v, e.getMessage());
                continue;
            }
            String decision = String.format(Locale.ROOT, "%.2f/%.2f", m.threshold(), m.peakThreshold());
            out.printf(Locale.ROOT, "%-2s%-22s %6.3f %6.3f %6.3f %6.3f %11s  %d%n", v.equals(champion) ? "*" : "", v,
                    m.figures().f1(), m.figures().segmentPrecision(), m.figures().segmentRecall(), m.figures().auc(), decision,
                    m.testVods().size());
        }
        for (ModelRegistry.Change c : registry.history()) {
            out.printf("  %s %s %s by %s: %s%n", c.at(), c.action(), c.version(), c.by(), c.reason());
        }
        out.flush();
        return 0;
    }

    static String who(String by) {
        return by != null ? by : System.getProperty("user.name", "unknown");
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Makes VERSION the champion, recording who and when.")
    public static class Promote implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "VERSION")
        String version;

        @Option(names = "--by", description = "Who is doing this (default: the user name).")
        String by;

        @Option(names = "--reason", defaultValue = "promoted by hand", description = "Why (default: ${DEFAULT-VALUE}).")
        String reason;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Autowired
        ModelRegistry registry;

        @Override
        public Integer call() throws Exception {
            registry.promote(version, who(by), reason);
            spec.commandLine().getOut().println("champion is now " + version);
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Goes back to the champion before the current one.")
    public static class Rollback implements Callable<Integer> {

        @Option(names = "--by", description = "Who is doing this (default: the user name).")
        String by;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Autowired
        ModelRegistry registry;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println("champion is now " + registry.rollback(who(by)));
            return 0;
        }
    }
}
