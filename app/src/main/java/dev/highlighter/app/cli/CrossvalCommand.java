package dev.highlighter.app.cli;

import dev.highlighter.readers.labels.LabelsJson;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.evaluation.DecisionTuning;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.core.Segment;
import dev.highlighter.processors.model.RuleModelV0;
import dev.highlighter.processors.model.XgbHighlightModel;
import dev.highlighter.processors.model.XgbTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * k-fold cross-validation by VOD on labelled chat: a trained XGBoost model against rule-v0 and
 * the seed rule (the five busiest minutes), each scored on the held-out VODs only. Folds are by
 * VOD, never by window, because a VOD's windows are correlated.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = "Cross-validates the trained model, rule-v0 and the seed rule by VOD on labelled chat files.")
public class CrossvalCommand implements Callable<Integer> {

    @Option(names = "--chat", required = true, paramLabel = "DIR", description = "Chat files named {vodId}.csv (or any chat format), e.g. ../shared/data/lol-worlds-2019/chat.")
    Path chatDir;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "labels.json.")
    Path labelsFile;

    @Option(names = "--folds", defaultValue = "4", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--window-ms", defaultValue = "5000", description = "Window length in ms (default: ${DEFAULT-VALUE}, the job's).")
    long windowMs;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2");
        }
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Map<String, LabelledVod> labels = new TreeMap<>();
        LabelsJson.readLabels(labelsFile).forEach(l -> labels.put(l.vodId(), l));
        Map<String, List<WindowFeatures>> windows = new LinkedHashMap<>();
        for (String vod : labels.keySet()) {
            Path file = chatDir.resolve(vod + ".csv");
            if (Files.exists(file)) {
                windows.put(vod, ChatFiles.windows(fs, file, vod, windowMs).features());
            }
        }
        if (windows.size() < folds) {
            throw new IllegalArgumentException("only " + windows.size() + " labelled VODs have chat in " + chatDir + "; need at least " + folds);
        }
        List<String> vods = new ArrayList<>(windows.keySet());
        List<List<String>> folds = VodValidation.folds(vods, this.folds);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<Segment>> predicted = new LinkedHashMap<>();
        for (String name : List.of("trained", "rule-v0", "seed")) {
            predicted.put(name, new ArrayList<>());
        }
        ModelEvaluation.Scores heldOut = null;
        for (int k = 0; k < folds.size(); k++) {
            List<String> test = folds.get(k);
            List<XgbTrainer.LabelledVod> train = new ArrayList<>();
            for (String vod : vods) {
                if (!test.contains(vod)) {
                    train.add(new XgbTrainer.LabelledVod(vod, windows.get(vod), VodValidation.labels(windows.get(vod), labels.get(vod), windowMs)));
                }
            }
            XgbHighlightModel model = DecisionTuning.fit("crossval-fold" + k, train, windowMs);
            // scored once: the held-out AUC and the trained model's segments both come from these scores
            ModelEvaluation.Scores scores = ModelEvaluation.score(model, test.stream().map(vod -> new ModelEvaluation.Labelled(vod,
                    windows.get(vod), VodValidation.labels(windows.get(vod), labels.get(vod), windowMs), windowMs)).toList());
            heldOut = heldOut == null ? scores : heldOut.plus(scores);
            predicted.get("trained").addAll(scores.segments(model.threshold(), model.peakThreshold()));
            for (String vod : test) {
                predicted.get("rule-v0").addAll(ModelEvaluation.segments(new RuleModelV0(), vod, windows.get(vod), windowMs));
                predicted.get("seed").addAll(VodValidation.seedRule(vod, windows.get(vod)));
            }
            List<LabelledVod> held = test.stream().map(labels::get).toList();
            out.printf(Locale.ROOT, "fold %d (%d VODs, threshold %.2f, peak %.2f, %d tokens): trained %s | rule-v0 %s | seed %s%n",
                    k + 1, test.size(), model.threshold(), model.peakThreshold(), model.vocabulary().size(),
                    HighlightEvaluator.evaluate(held, only(predicted.get("trained"), test)).summaryLine(),
                    HighlightEvaluator.evaluate(held, only(predicted.get("rule-v0"), test)).summaryLine(),
                    HighlightEvaluator.evaluate(held, only(predicted.get("seed"), test)).summaryLine());
            out.flush();
        }
        List<LabelledVod> all = vods.stream().map(labels::get).toList();
        out.printf(Locale.ROOT, "held-out folds, micro-averaged (trained model's window AUC %.3f):%n", heldOut.auc());
        for (Map.Entry<String, List<Segment>> e : predicted.entrySet()) {
            HighlightEvaluator.Result r = HighlightEvaluator.evaluate(all, e.getValue());
            out.printf(Locale.ROOT, "  %-8s P %.3f R %.3f %s%n", e.getKey(), r.precision(), r.recall(), r.summaryLine());
        }
        out.flush();
        return 0;
    }

    private static List<Segment> only(List<Segment> segments, List<String> vods) {
        return segments.stream().filter(s -> vods.contains(s.vodId())).toList();
    }
}
