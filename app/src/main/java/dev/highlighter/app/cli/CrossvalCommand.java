package dev.highlighter.app.cli;

import dev.highlighter.processors.evaluation.DecisionTuning;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * k-fold cross-validation by VOD on labelled chat: a trained XGBoost model against rule-v0 and
 * the seed rule (the five busiest minutes), each scored on the held-out VODs only. Folds are by
 * VOD, never by window, because a VOD's windows are correlated. Every figure is also given at
 * budgets of K segments per VOD, best by score.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = "Cross-validates the trained model, rule-v0 and the seed rule by VOD on labelled chat files.")
public class CrossvalCommand implements Callable<Integer> {

    @Option(names = "--chat", required = true, paramLabel = "DIR", description = "Chat files named {vodId}.csv, {vodId}.chat.jsonl (any chat format), e.g. ../shared/data/lol-worlds-2019/chat.")
    Path chatDir;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "labels.json.")
    Path labelsFile;

    @Option(names = "--folds", defaultValue = "4", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--top-k", split = ",", defaultValue = "5,10", paramLabel = "K",
            description = "Budgets of segments per VOD, best by score, scored beside the unbudgeted figures (default: ${DEFAULT-VALUE}).")
    List<Integer> budgets;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--window-ms", defaultValue = "5000", description = "Window length in ms (default: ${DEFAULT-VALUE}, the job's).")
    long windowMs;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2");
        }
        if (budgets.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("--top-k budgets must be at least 1, not " + budgets);
        }
        FileSystem fs = FileSystem.getLocal(new Configuration());
        LabelledSet set = LabelledSet.read(fs, chatDir, labelsFile, windowMs);
        if (set.windows().size() < folds) {
            throw new IllegalArgumentException("only " + set.windows().size() + " labelled VODs have chat in " + chatDir + "; need at least " + folds);
        }
        List<String> vods = set.vods();
        List<List<String>> folds = VodValidation.folds(vods, this.folds);
        PrintWriter out = spec.commandLine().getOut();
        HeldOutComparison heldOut = new HeldOutComparison(budgets);
        for (int k = 0; k < folds.size(); k++) {
            List<String> test = folds.get(k);
            List<XgbTrainer.LabelledVod> train = new ArrayList<>();
            for (String vod : vods) {
                if (!test.contains(vod)) {
                    train.add(set.training(vod));
                }
            }
            XgbHighlightModel model = DecisionTuning.fit("crossval-fold" + k, train, windowMs);
            heldOut.add(model, set, test);
            out.printf(Locale.ROOT, "fold %d (%d VODs, threshold %.2f, peak %.2f, %d tokens): %s%n",
                    k + 1, test.size(), model.threshold(), model.peakThreshold(), model.vocabulary().size(), heldOut.foldLine(test));
            out.flush();
        }
        heldOut.print(out, "held-out folds, micro-averaged", budgets);
        return 0;
    }
}
