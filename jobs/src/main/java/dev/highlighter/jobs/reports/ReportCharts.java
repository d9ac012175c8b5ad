package dev.highlighter.jobs.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNGs, drawn with JFreeChart (the console's library) without a display. */
final class ReportCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;
    private static final Color SEGMENT = new Color(255, 170, 0, 70);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    /** Chat messages, loudness and probability per window, one panel each, the VOD's highlights shaded. */
    static void timeline(ReportData.Vod vod, List<ReportData.Line> highlights, OutputStream out) throws IOException {
        ReportData.Timeline t = vod.timeline();
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds into the VOD"));
        plot.add(panel("chat messages / window", t.startS(), t.chatMessages(), highlights, new Color(60, 100, 200)), 1);
        plot.add(panel("loudness (dBFS)", t.startS(), t.loudnessDb(), highlights, new Color(40, 150, 80)), 1);
        XYPlot p = panel("probability", t.startS(), t.probability(), highlights, new Color(200, 60, 60));
        ((NumberAxis) p.getRangeAxis()).setRange(0, 1);
        plot.add(p, 1);
        JFreeChart chart = new JFreeChart(vod.channel() + " / " + vod.vodId(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, 480);
    }

    private static XYPlot panel(String name, double[] x, double[] y, List<ReportData.Line> highlights, Color color) {
        XYSeries series = new XYSeries(name, true, true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                series.addOrUpdate(x[i], y[i]);
            }
        }
        NumberAxis axis = new NumberAxis(name);
        axis.setAutoRangeIncludesZero(false);
        StandardXYItemRenderer renderer = new StandardXYItemRenderer();
        renderer.setSeriesPaint(0, color);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (ReportData.Line h : highlights) {
            plot.addDomainMarker(new IntervalMarker(h.highlight().startSeconds(), h.highlight().endSeconds(), SEGMENT));
        }
        return plot;
    }

    /** Histogram of highlight scores, one series per channel. */
    static void scores(List<ReportData.Line> highlights, OutputStream out) throws IOException {
        Map<String, double[]> byChannel = new TreeMap<>();
        highlights.stream().map(ReportData.Line::channel).distinct().forEach(c -> byChannel.put(c,
                highlights.stream().filter(l -> l.channel().equals(c)).mapToDouble(l -> l.highlight().score()).toArray()));
        HistogramDataset data = new HistogramDataset();
        byChannel.forEach((channel, scores) -> data.addSeries(channel, scores, 20, 0.0, 1.0));
        JFreeChart chart = ChartFactory.createHistogram("Highlight scores per channel", "score", "highlights", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }

    /**
     * Highlights per hour, by where they start in their VOD: the vods table holds no wall-clock
     * start of a broadcast, so hour 0 is each VOD's first hour.
     */
    static void perHour(List<ReportData.Line> highlights, OutputStream out) throws IOException {
        int[] hours = new int[24];
        for (ReportData.Line l : highlights) {
            hours[(int) Math.min(23, l.highlight().startMs() / 3_600_000)]++;
        }
        int last = 0;
        for (int h = 0; h < 24; h++) {
            if (hours[h] > 0) {
                last = h;
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int h = 0; h <= Math.max(last, 3); h++) {
            data.addValue(hours[h], "highlights", "h" + h);
        }
        JFreeChart chart = ChartFactory.createBarChart("Highlights per hour of VOD", "hour", "highlights", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }
}
