package dev.highlighter.console.runs;

import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.GanttRenderer;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;

/**
 * The Gantt chart of an execution: one bar per step and per VOD partition, coloured by status.
 * A step that is still running ends at "now", so the chart also works mid-run (Airflow 3.1.8
 * broke exactly that, apache/airflow#64599); a step that has not started has no bar.
 */
public final class GanttChart {

    private GanttChart() {
    }

    public static byte[] png(ExecutionView view, LocalDateTime now) throws IOException {
        TaskSeries bars = new TaskSeries("steps");
        List<String> statuses = new ArrayList<>();
        List<ExecutionView.StepRow> rows = new ArrayList<>(view.steps());
        view.partitionsByVod().values().forEach(rows::addAll);
        rows.sort(java.util.Comparator.comparing(ExecutionView.StepRow::start, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        for (ExecutionView.StepRow row : rows) {
            if (row.start() == null) {
                continue;
            }
            LocalDateTime end = row.end() == null ? now : row.end();
            if (!end.isAfter(row.start())) {
                end = row.start().plusNanos(1_000_000); // a bar of at least a millisecond, so it shows
            }
            bars.add(new Task(row.name(), date(row.start()), date(end)));
            statuses.add(row.status());
        }
        TaskSeriesCollection data = new TaskSeriesCollection();
        data.add(bars);
        JFreeChart chart = ChartFactory.createGanttChart(
                view.execution().getJobInstance().getJobName() + " " + view.date() + " (execution " + view.execution().getId() + ")",
                "step", "time", data, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(new GanttRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return StatusColors.of(statuses.get(column));
            }
        });
        ((GanttRenderer) plot.getRenderer()).setShadowVisible(false);
        int height = 120 + 22 * Math.max(1, rows.size());
        BufferedImage image = chart.createBufferedImage(900, Math.min(height, 4000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Date date(LocalDateTime t) {
        return Date.from(t.atZone(ZoneId.systemDefault()).toInstant());
    }
}
