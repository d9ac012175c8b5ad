package dev.highlighter.jobs.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.LabelledVod;
import dev.highlighter.core.Segment;
import dev.highlighter.core.WindowFeatures;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.processors.evaluation.HighlightEvaluator;
import dev.highlighter.processors.evaluation.ModelEvaluation;
import dev.highlighter.processors.evaluation.VodValidation;
import dev.highlighter.readers.hbase.HighlightReader;
import dev.highlighter.readers.hbase.VodRowReader;
import dev.highlighter.readers.hbase.WindowBatchReader;
import dev.highlighter.readers.labels.LabelsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The labels side of {@link ReportsJobTest}: stores and removes windows:l labels, and checks the report's figures against the evaluator. */
final class LabelFiguresCheck {

    private final Connection connection;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final HighlighterProperties props;

    LabelFiguresCheck(Connection connection, FileSystem fs, HdfsLayout layout, HighlighterProperties props) {
        this.connection = connection;
        this.fs = fs;
        this.layout = layout;
        this.props = props;
    }

    /**
     * Every game is labelled: its F1, segment P and R in vods.csv are HighlightEvaluator's on the
     * day's highlights in HBase, exactly from labels.json, and within a window's rounding from the
     * labels the feedback job stored (5 s windows judged by their middle).
     */
    void check(List<String[]> vods, String html, String labelsJson) throws Exception {
        Map<String, LabelledVod> truth = new java.util.HashMap<>();
        LabelsJson.readLabels(SharedData.lolLabels()).forEach(l -> truth.put(l.vodId(), l));
        VodRowReader rows = new VodRowReader(connection);
        HighlightReader reader = new HighlightReader(connection);
        HighlightEvaluator.Result day = HighlightEvaluator.EMPTY;
        double worst = 0;
        String table = html.substring(html.indexOf("<table id=\"labels\">"));
        for (String[] v : vods) {
            String game = v[2];
            List<Segment> found = reader.highlights(game, rows.read(game).orElseThrow().modelVersion().orElseThrow()).stream()
                    .map(h -> new Segment(game, h.startSeconds(), h.endSeconds(), h.score())).toList();
            HighlightEvaluator.Result direct = HighlightEvaluator.evaluate(truth.get(game), found);
            day = day.plus(direct);
            Matcher source = Pattern.compile("<tr><td>" + v[0] + "</td><td>" + game + "</td><td>([^<]+)</td>").matcher(table);
            assertThat(source.find()).as("labels row of " + game).isTrue();
            boolean stored = source.group(1).equals("stored");
            if (ReportsJobTest.STORED_LABELS.contains(game)) {
                assertThat(stored).as(game + " judged against its stored labels").isTrue();
            }
            double f1 = Double.parseDouble(v[12]), p = Double.parseDouble(v[13]), r = Double.parseDouble(v[14]);
            if (stored) {
                // exactly what the evaluator gives on the windows:l labels read back on their own...
                HighlightEvaluator.Result fromStored = HighlightEvaluator.evaluate(storedTruth(game), found);
                assertThat(f1).as(game + " F1, stored").isCloseTo(fromStored.f1(), within(1e-4));
                assertThat(p).as(game + " segment P, stored").isCloseTo(fromStored.segmentPrecision(), within(1e-4));
                assertThat(r).as(game + " segment R, stored").isCloseTo(fromStored.segmentRecall(), within(1e-4));
                if (!ReportsJobTest.STORED_LABELS.contains(game)) {
                    continue; // stored by another test of this JVM (ModelLoopTest labels eleven games)
                }
                // ...and near labels.json's: stored labels move each edge onto the 5 s window grid the segments
                // are cut on, so a segment that touched a label's edge may now just miss it (or the reverse)
                System.out.printf("labels of %s: stored F1 %.4f segP %.4f segR %.4f; labels.json %.4f %.4f %.4f%n", game, f1, p, r,
                        direct.f1(), direct.segmentPrecision(), direct.segmentRecall());
                worst = Math.max(worst, Math.abs(f1 - direct.f1()));
                assertThat(f1).as(game + " F1 against labels.json").isCloseTo(direct.f1(), within(0.05));
                assertThat(p).as(game + " segment P against labels.json").isCloseTo(direct.segmentPrecision(), within(0.15));
                assertThat(r).as(game + " segment R against labels.json").isCloseTo(direct.segmentRecall(), within(0.15));
            } else {
                assertThat(source.group(1)).isEqualTo(labelsJson);
                assertThat(f1).as(game + " F1").isCloseTo(direct.f1(), within(1e-4));
                assertThat(p).as(game + " segment P").isCloseTo(direct.segmentPrecision(), within(1e-4));
                assertThat(r).as(game + " segment R").isCloseTo(direct.segmentRecall(), within(1e-4));
            }
        }
        System.out.printf("labels: day %s; stored labels' F1 within %.4f of labels.json's%n", day.summaryLine(), worst);
        assertThat(html).contains("Against labels (16 of 16 VODs labelled, micro-averaged)", "Against labels (8 of 8 VODs labelled");
    }

    /** The game's windows:l labels as spans, read with the retrain job's reader. */
    private LabelledVod storedTruth(String game) throws Exception {
        WindowBatchReader reader = new WindowBatchReader(connection, game, WindowBatchReader.WHOLE_VOD, 0, HBaseSchema.LABELS);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        try {
            List<WindowFeatures> windows = reader.read().windows();
            return new ModelEvaluation.Labelled(game, windows, VodValidation.storedLabels(windows), props.windowMs()).truth();
        } finally {
            reader.close();
        }
    }

    /** Stores the games' labels in windows:l as `run feedback --labels` does. */
    Path store(List<String> stored) throws Exception {
        ObjectNode all = (ObjectNode) JsonMapper.builder().build().readTree(java.nio.file.Files.readString(SharedData.lolLabels()));
        ObjectNode some = JsonMapper.builder().build().createObjectNode();
        stored.forEach(g -> some.set(g, all.get(g)));
        Path file = new Path(layout.root(), "labels/reports-test.json");
        try (var out = fs.create(file, true)) {
            out.write(some.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Other tests judge these games as unlabelled, so the labels go again. */
    void delete(List<String> stored) throws Exception {
        try (Table windows = connection.getTable(HBaseSchema.WINDOWS)) {
            for (String game : stored) {
                byte[] prefix = HBaseSchema.vodPrefix(game);
                List<Delete> deletes = new ArrayList<>();
                try (ResultScanner s = windows.getScanner(new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix))
                        .addFamily(HBaseSchema.LABELS))) {
                    for (Result r : s) {
                        deletes.add(new Delete(r.getRow()).addFamily(HBaseSchema.LABELS));
                    }
                }
                windows.delete(deletes);
            }
        }
    }

}
