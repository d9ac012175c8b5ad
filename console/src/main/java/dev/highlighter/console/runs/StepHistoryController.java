package dev.highlighter.console.runs;

import dev.highlighter.console.ConsoleBean;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Per step name over its last N runs: duration and counts (min, median, max), and a plot of the durations. */
@ConsoleBean
@Controller
public class StepHistoryController {

    private final RunsQuery runs;

    public StepHistoryController(RunsQuery runs) {
        this.runs = runs;
    }

    public record Stat(String what, long min, long median, long max) {
    }

    @GetMapping("/steps")
    String steps(@RequestParam(required = false) String name, @RequestParam(defaultValue = "30") int last, Model model) {
        List<String> names = runs.stepNames();
        model.addAttribute("names", names);
        model.addAttribute("last", last);
        if (name != null && !name.isBlank()) {
            List<RunsQuery.StepRun> history = runs.history(name, Math.max(1, Math.min(last, 1000)));
            model.addAttribute("name", name);
            model.addAttribute("history", history);
            model.addAttribute("stats", List.of(stat("duration ms", history, RunsQuery.StepRun::millis),
                    stat("read", history, RunsQuery.StepRun::read), stat("written", history, RunsQuery.StepRun::written),
                    stat("skipped", history, RunsQuery.StepRun::skipped)));
        }
        return "steps";
    }

    @GetMapping(value = "/steps/history.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> plot(@RequestParam String name, @RequestParam(defaultValue = "30") int last) throws IOException {
        List<RunsQuery.StepRun> history = new ArrayList<>(runs.history(name, Math.max(1, Math.min(last, 1000))));
        Collections.reverse(history); // oldest first, left to right
        XYSeries seconds = new XYSeries("duration s");
        for (RunsQuery.StepRun run : history) {
            seconds.add(run.jobExecutionId(), run.millis() / 1000.0);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(name + ": last " + history.size() + " runs", "job execution", "seconds",
                new XYSeriesCollection(seconds), PlotOrientation.VERTICAL, false, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(0x3a7bd5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(chart.createBufferedImage(800, 300), "png", out);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(out.toByteArray());
    }

    static Stat stat(String what, List<RunsQuery.StepRun> history, ToLongFunction<RunsQuery.StepRun> value) {
        long[] v = history.stream().mapToLong(value).sorted().toArray();
        if (v.length == 0) {
            return new Stat(what, 0, 0, 0);
        }
        return new Stat(what, v[0], v[v.length / 2], v[v.length - 1]);
    }
}
