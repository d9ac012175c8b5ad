package dev.highlighter.app.cli;

import dev.highlighter.processors.evaluation.DecisionTuning;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.FeatureLayout;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Validation by VOD on labelled chat: a trained XGBoost model against rule-v0 and the seed rule
 * (the five busiest minutes), each scored on VODs the model never saw. Two measures: k folds by
 * VOD within a set ({@code --chat} and {@code --labels}, or {@code --train} folders without
 * {@code --test}), and transfer ({@code --train} then {@code --test}): train on one set, score
 * another, as a model meets a stream of another game or language. Folds are by VOD, never by
 * window, because a VOD's windows are correlated. Every figure is also given at budgets of K
 * segments per VOD, best by score.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = {"Cross-validates the trained model, rule-v0 and the seed rule by VOD on labelled chat files:",
                "k folds within a set (--chat and --labels, or --train DIR... alone), or trained on one set and scored on another",
                "(--train DIR... --test DIR...). A DIR holds labels.json and the chat files (in chat/ or beside it)."})
public class CrossvalCommand implements Callable<Integer> {

    @Option(names = "--chat", paramLabel = "DIR", description = "Chat files named {vodId}.csv, {vodId}.chat.jsonl (any chat format), e.g. ../shared/data/lol-worlds-2019/chat.")
    Path chatDir;

    @Option(names = "--labels", paramLabel = "FILE", description = "labels.json of the --chat files.")
    Path labelsFile;

    @Option(names = "--train", arity = "1..*", paramLabel = "DIR", description = "Data sets to train on (labels.json plus chat files), e.g. ../shared/data/lol-worlds-2019.")
    List<Path> trainDirs;

    @Option(names = "--test", arity = "1..*", paramLabel = "DIR", description = "Data sets to score the model trained on --train with, each reported on its own.")
    List<Path> testDirs;

    @Option(names = "--folds", defaultValue = "4", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--top-k", split = ",", defaultValue = "5,10", paramLabel = "K",
            description = "Budgets of segments per VOD, best by score, scored beside the unbudgeted figures (default: ${DEFAULT-VALUE}).")
    List<Integer> budgets;

    @Option(names = "--without", split = ",", paramLabel = "GROUP",
            description = "Train without these feature groups, to measure what each is worth (an ablation): one of ${COMPLETION-CANDIDATES}.",
            completionCandidates = FeatureGroups.class)
    Set<String> without = Set.of();

    /** The layout's feature groups, for --without's help. */
    static final class FeatureGroups extends ArrayList<String> {
        FeatureGroups() {
            super(FeatureLayout.groups());
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--window-ms", defaultValue = "5000", description = "Window length in ms (default: ${DEFAULT-VALUE}, the job's).")
    long windowMs;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        if ((chatDir == null) != (labelsFile == null)) {
            throw new CommandLine.ParameterException(cli, "--chat and --labels go together");
        }
        if ((chatDir == null) == (trainDirs == null)) {
            throw new CommandLine.ParameterException(cli, "give either --chat and --labels (k folds within one set) or --train DIR... [--test DIR...]");
        }
        if (testDirs != null && trainDirs == null) {
            throw new CommandLine.ParameterException(cli, "--test needs --train: the sets the model learns from");
        }
        if (folds < 2) {
            throw new CommandLine.ParameterException(cli, "--folds must be at least 2");
        }
        if (!FeatureLayout.groups().containsAll(without)) {
            throw new CommandLine.ParameterException(cli, "--without takes feature groups of layout " + FeatureLayout.VERSION + ": "
                    + FeatureLayout.groups() + ", not " + without);
        }
        if (budgets.stream().anyMatch(k -> k < 1)) {
            throw new CommandLine.ParameterException(cli, "--top-k budgets must be at least 1, not " + budgets);
        }
        FileSystem fs = FileSystem.getLocal(new Configuration());
        PrintWriter out = cli.getOut();
        if (!without.isEmpty()) {
            out.printf("feature layout %s without %s%n", FeatureLayout.VERSION, new java.util.TreeSet<>(without));
        }
        if (chatDir != null) {
            kFolds(LabelledSet.read(fs, chatDir, labelsFile, windowMs), out);
            return 0;
        }
        List<LabelledSet> train = new ArrayList<>();
        for (Path dir : trainDirs) {
            train.add(LabelledSet.folder(fs, dir, windowMs));
        }
        if (testDirs == null) {
            kFolds(LabelledSet.union(train), out);
            return 0;
        }
        List<LabelledSet> tests = new ArrayList<>();
        for (Path dir : testDirs) {
            tests.add(LabelledSet.folder(fs, dir, windowMs));
        }
        transfer(LabelledSet.union(train), tests, out);
        return 0;
    }

    /** k folds by VOD within one set: each fold's VODs scored by a model trained on the others. */
    private void kFolds(LabelledSet set, PrintWriter out) {
        if (set.windows().size() < folds) {
            throw new IllegalArgumentException("only " + set.windows().size() + " labelled VODs have chat in " + set.name() + "; need at least " + folds);
        }
        List<String> vods = set.vods();
        List<List<String>> folds = VodValidation.folds(vods, this.folds);
        HeldOutComparison heldOut = new HeldOutComparison(budgets);
        for (int k = 0; k < folds.size(); k++) {
            List<String> test = folds.get(k);
            List<XgbTrainer.LabelledVod> train = new ArrayList<>();
            for (String vod : vods) {
                if (!test.contains(vod)) {
                    train.add(set.training(vod));
                }
            }
            XgbHighlightModel model = DecisionTuning.fit("crossval-fold" + k, train, windowMs, without);
            heldOut.add(model, set, test);
            out.printf(Locale.ROOT, "fold %d (%d VODs, threshold %.2f, peak %.2f, %d tokens): %s%n",
                    k + 1, test.size(), model.threshold(), model.peakThreshold(), model.vocabulary().size(), heldOut.foldLine(test));
            out.flush();
        }
        heldOut.print(out, set.name() + ": " + this.folds + " held-out folds by VOD, micro-averaged", budgets);
    }

    /** One model trained on every VOD of {@code train}, its decision point chosen there, scored on each test set. */
    private void transfer(LabelledSet train, List<LabelledSet> tests, PrintWriter out) {
        for (LabelledSet test : tests) {
            List<String> shared = test.vods().stream().filter(train.windows()::containsKey).toList();
            if (!shared.isEmpty()) {
                throw new IllegalArgumentException("test set " + test.name() + " shares VODs with the training sets " + shared
                        + "; transfer is measured on VODs the model never saw");
            }
        }
        XgbHighlightModel model = DecisionTuning.fit("crossval-transfer", train.vods().stream().map(train::training).toList(), windowMs, without);
        out.printf(Locale.ROOT, "trained on %s (%d VODs): threshold %.2f, peak %.2f, %d tokens%n", train.name(), train.vods().size(),
                model.threshold(), model.peakThreshold(), model.vocabulary().size());
        for (LabelledSet test : tests) {
            HeldOutComparison heldOut = new HeldOutComparison(budgets);
            heldOut.add(model, test, test.vods());
            heldOut.print(out, train.name() + " -> " + test.name() + " (" + test.vods().size() + " VODs)", budgets);
        }
    }
}
