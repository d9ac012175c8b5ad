package dev.highlighter.console.vods;

import dev.highlighter.core.Highlight;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The VOD timeline: chat rate, loudness, motion and highlight probability on one time axis,
 * each in its own band, with the highlight segments shaded across all of them.
 */
public final class TimelineChart {

    private TimelineChart() {
    }

    public static byte[] png(VodTimeline timeline) throws IOException {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds"));
        plot.setGap(6);
        band(plot, timeline, "chat msgs/window", VodTimeline.Point::chatRate, new Color(0x3a7bd5));
        band(plot, timeline, "loudness dBFS", VodTimeline.Point::loudnessDb, new Color(0xe6a020));
        band(plot, timeline, "motion", VodTimeline.Point::motion, new Color(0x8e44ad));
        XYPlot p = band(plot, timeline, "P(highlight)", VodTimeline.Point::probability, new Color(0xd0392b));
        ((NumberAxis) p.getRangeAxis()).setRange(0, 1);
        JFreeChart chart = new JFreeChart(timeline.vodId() + (timeline.modelVersion() == null ? "" : " (model " + timeline.modelVersion() + ")"),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(1000, 560);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static XYPlot band(CombinedDomainXYPlot parent, VodTimeline timeline, String label, ToDoubleFunction<VodTimeline.Point> value,
                               Color color) {
        XYSeries series = new XYSeries(label, true, false);
        for (VodTimeline.Point point : timeline.points()) {
            double v = value.applyAsDouble(point);
            if (!Double.isNaN(v)) {
                series.add(point.seconds(), v);
            }
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, color);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (Highlight h : timeline.highlights()) {
            IntervalMarker segment = new IntervalMarker(h.startSeconds(), h.endSeconds());
            segment.setPaint(new Color(0x3c9a4a));
            segment.setAlpha(0.25f);
            plot.addDomainMarker(segment, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        parent.add(plot, 1);
        return plot;
    }
}
