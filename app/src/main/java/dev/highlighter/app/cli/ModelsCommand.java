package dev.highlighter.app.cli;

import dev.highlighter.core.models.ModelMetrics;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.jobs.launch.UsageException;
import dev.highlighter.processors.model.RuleModelV0;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Lists the champion of each scope (a channel, a group of channels, or default), then the trained versions with "
                + "their held-out metrics and the scope each was trained for; * marks a champion.",
                "A channel without a champion of its own uses default's; default without one uses rule-v0."},
        subcommands = {ModelsCommand.Promote.class, ModelsCommand.Rollback.class})
public class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Autowired
    ModelRegistry registry;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<String>> championOf = new LinkedHashMap<>();
        out.printf("%-16s %s%n", "scope", "champion");
        for (String scope : registry.scopes()) {
            Optional<String> champion = registry.champion(scope);
            champion.ifPresent(v -> championOf.computeIfAbsent(v, k -> new ArrayList<>()).add(scope));
            String none = scope.equals(ModelRegistry.DEFAULT_SCOPE) ? RuleModelV0.VERSION : "none (uses default's)";
            out.printf("%-16s %s%n", scope, champion.orElse(none));
        }
        out.println();
        List<String> versions = registry.versions();
        // scope versions are longer (xgb-…-lolesports): the column fits the longest
        int width = Math.max(22, versions.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-2s%-" + width + "s %6s %6s %6s %6s %11s  %-13s  %-16s %s%n";
        out.printf(row, "", "version", "F1", "segP", "segR", "AUC", "thresh/peak",
                "held-out VODs", "trained for", "champion of");
        boolean ruleChampion = registry.champion().isEmpty();
        out.printf(row, ruleChampion ? "*" : "", RuleModelV0.VERSION, "-", "-", "-", "-",
                "configured", "(no training)", "-", ruleChampion ? ModelRegistry.DEFAULT_SCOPE : "");
        for (String v : versions) {
            String of = String.join(",", championOf.getOrDefault(v, List.of()));
            String mark = of.isEmpty() ? "" : "*";
            ModelMetrics m;
            try {
                m = registry.metrics(v);
            } catch (Exception e) {
                out.printf("%-2s%-" + width + "s metrics unreadable: %s%n", mark, v, e.getMessage());
                continue;
            }
            String decision = String.format(Locale.ROOT, "%.2f/%.2f", m.threshold(), m.peakThreshold());
            out.printf(Locale.ROOT, "%-2s%-" + width + "s %6.3f %6.3f %6.3f %6.3f %11s  %-13d  %-16s %s%n", mark, v,
                    m.figures().f1(), m.figures().segmentPrecision(), m.figures().segmentRecall(), m.figures().auc(), decision,
                    m.testVods().size(), m.scope(), of);
        }
        for (String scope : registry.scopes()) {
            for (ModelRegistry.Change c : registry.history(scope)) {
                out.printf("  %s [%s] %s %s by %s: %s%n", c.at(), scope, c.action(), c.version(), c.by(), c.reason());
            }
        }
        out.flush();
        return 0;
    }

    static String who(String by) {
        return by != null ? by : System.getProperty("user.name", "unknown");
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Makes VERSION the champion of one scope (default unless --scope), recording who and when.")
    public static class Promote implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "VERSION")
        String version;

        @Option(names = "--scope", defaultValue = ModelRegistry.DEFAULT_SCOPE,
                description = "A channel, a configured group of channels, or ${DEFAULT-VALUE} (the default).")
        String scope;

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
            try {
                registry.promote(scope, version, who(by), reason);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            spec.commandLine().getOut().println("champion of " + scope + " is now " + version);
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Goes back to the champion of one scope (default unless --scope) before the current one.",
                    "Past its first, a scope has none again (it uses default's), and default uses rule-v0."})
    public static class Rollback implements Callable<Integer> {

        @Option(names = "--scope", defaultValue = ModelRegistry.DEFAULT_SCOPE,
                description = "A channel, a configured group of channels, or ${DEFAULT-VALUE} (the default).")
        String scope;

        @Option(names = "--by", description = "Who is doing this (default: the user name).")
        String by;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Autowired
        ModelRegistry registry;

        @Override
        public Integer call() throws Exception {
            String now;
            try {
                now = registry.rollback(scope, who(by));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException(e.getMessage());
            }
            spec.commandLine().getOut().println("champion of " + scope + " is now " + now);
            return 0;
        }
    }
}
