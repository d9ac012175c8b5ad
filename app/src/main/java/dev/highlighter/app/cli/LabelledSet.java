package dev.highlighter.app.cli;

import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.processors.model.XgbTrainer;
import dev.highlighter.readers.labels.LabelsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * Labelled VODs that have chat, as crossval reads them: each VOD's windows (the job's chat path)
 * and its labels. VODs are in the order of their ids, so folds are reproducible.
 */
record LabelledSet(String name, Map<String, LabelledVod> labels, Map<String, List<WindowFeatures>> windows, long windowMs) {

    /** The labelled VODs of {@code labelsFile} that have a chat file in {@code chatDir}. */
    static LabelledSet read(FileSystem fs, Path chatDir, Path labelsFile, long windowMs) throws IOException {
        Map<String, Path> chat = ChatFiles.inFolder(chatDir);
        Map<String, LabelledVod> labels = new LinkedHashMap<>();
        Map<String, List<WindowFeatures>> windows = new LinkedHashMap<>();
        LabelsJson.readLabels(labelsFile).stream().sorted(java.util.Comparator.comparing(LabelledVod::vodId)).forEach(l -> {
            Path file = chat.get(l.vodId());
            if (file != null) {
                labels.put(l.vodId(), l);
                windows.put(l.vodId(), ChatFiles.windows(fs, file, l.vodId(), windowMs).features());
            }
        });
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("none of the " + LabelsJson.readLabels(labelsFile).size() + " VODs of " + labelsFile
                    + " has a chat file in " + chatDir + " (named {vodId}.csv, {vodId}.chat.jsonl, ...)");
        }
        return new LabelledSet(labelsFile.toString(), labels, windows, windowMs);
    }

    /** A data set folder: {@code labels.json} and the chat files, in {@code chat/} or beside it. */
    static LabelledSet folder(FileSystem fs, Path dir, long windowMs) throws IOException {
        Path labels = dir.resolve("labels.json");
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("data set " + dir + " has no labels.json");
        }
        Path chat = Files.isDirectory(dir.resolve("chat")) ? dir.resolve("chat") : dir;
        LabelledSet set = read(fs, chat, labels, windowMs);
        return new LabelledSet(dir.getFileName().toString(), set.labels, set.windows, windowMs);
    }

    /** Several sets as one; a VOD id in two of them is refused (its labels would be ambiguous). */
    static LabelledSet union(List<LabelledSet> sets) {
        Map<String, LabelledVod> labels = new LinkedHashMap<>();
        Map<String, List<WindowFeatures>> windows = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (LabelledSet s : sets) {
            names.add(s.name);
            for (String vod : s.vods()) {
                if (labels.putIfAbsent(vod, s.labels.get(vod)) != null) {
                    throw new IllegalArgumentException("VOD " + vod + " is in more than one of " + names);
                }
                windows.put(vod, s.windows.get(vod));
            }
        }
        return new LabelledSet(String.join("+", names), labels, windows, sets.get(0).windowMs);
    }

    List<String> vods() {
        return new ArrayList<>(windows.keySet());
    }

    XgbTrainer.LabelledVod training(String vod) {
        return new XgbTrainer.LabelledVod(vod, windows.get(vod), windowLabels(vod));
    }

    ModelEvaluation.Labelled testing(String vod) {
        return new ModelEvaluation.Labelled(vod, windows.get(vod), windowLabels(vod), windowMs);
    }

    private float[] windowLabels(String vod) {
        return VodValidation.labels(windows.get(vod), labels.get(vod), windowMs);
    }
}
