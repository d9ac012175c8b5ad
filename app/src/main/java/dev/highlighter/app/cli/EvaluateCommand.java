package dev.highlighter.app.cli;

import dev.highlighter.readers.labels.LabelsJson;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores exported highlights against labels: per-second P/R/F1 inside each labelled span",
                "(micro-averaged), segment precision and recall. The last line is 'F1 <f1> segP <p> segR <r> vods <n>'."})
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "labels.json: {vodId: {span: [s, e], highlights: [[s, e], ...]}}.")
    Path labels;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "CSV from 'export': vod_id,start_s,end_s,...")
    Path predictions;

    @Option(names = "--only-predicted", description = "Evaluate only the labelled VODs that appear in the predictions.")
    boolean onlyPredicted;

    @Option(names = "--top-k", paramLabel = "K", description = {"Keep each VOD's K best predictions by score (the export's score column) before scoring:",
            "what a reel or a budget of K per VOD shows, and the fair measure where labels are not exhaustive."})
    Integer topK;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LabelledVod> vods = LabelsJson.readLabels(labels);
        List<Segment> predicted = PredictionsCsv.read(predictions);
        if (topK != null) {
            if (topK < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--top-k must be at least 1, not " + topK);
            }
            if (predicted.stream().anyMatch(s -> Double.isNaN(s.score()))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--top-k ranks by score, but " + predictions
                        + " has no score column (vod_id,start_s,end_s,score,...)");
            }
            predicted = HighlightEvaluator.topK(predicted, topK);
        }
        if (onlyPredicted) {
            Set<String> ids = predicted.stream().map(Segment::vodId).collect(Collectors.toSet());
            vods = vods.stream().filter(v -> ids.contains(v.vodId())).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("vod_id                 precision  recall     F1     segP   segR");
        for (LabelledVod vod : vods) {
            HighlightEvaluator.Result r = HighlightEvaluator.evaluate(List.of(vod), predicted);
            out.printf(Locale.ROOT, "%-22s %9.3f %7.3f %6.3f %8.3f %6.3f%n", vod.vodId(), r.precision(), r.recall(), r.f1(),
                    r.segmentPrecision(), r.segmentRecall());
        }
        HighlightEvaluator.Result total = HighlightEvaluator.evaluate(vods, predicted);
        out.printf(Locale.ROOT, "micro-averaged: precision %.3f recall %.3f%n", total.precision(), total.recall());
        out.println(total.summaryLine());
        out.flush();
        return 0;
    }
}
