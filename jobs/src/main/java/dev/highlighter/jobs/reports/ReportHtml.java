package dev.highlighter.jobs.reports;

import dev.highlighter.processors.evaluation.HighlightEvaluator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code index.html}: one self-contained page (styles inline, no script) whose images sit beside
 * it, so it opens the same from HDFS, a local copy or the console. Links are relative.
 */
final class ReportHtml {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#eee}.bad{color:#b00}img{max-width:100%;display:block;margin:.5em 0}"
            + ".note{color:#555}";

    private ReportHtml() {
    }

    /** @param timelines VOD id to its timeline PNG's file name */
    static String render(ReportData d, Map<String, String> timelines) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Highlighter report ")
                .append(esc(d.label())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Highlighter report: ").append(esc(d.label())).append("</h1>\n");
        if (d.empty()) {
            h.append("<p id=\"no-data\">No data for ").append(esc(d.label()))
                    .append(": no VOD was found in vods/*/ or in the vods table for these dates.</p>\n");
        }
        totals(h, "Whole " + (d.range() ? "range" : "day"), d.vods(), d.highlights());
        Map<String, List<ReportData.Vod>> byChannel = d.vods().stream()
                .collect(Collectors.groupingBy(ReportData.Vod::channel, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ReportData.Vod>> e : byChannel.entrySet()) {
            List<ReportData.Line> lines = d.highlights().stream().filter(l -> l.channel().equals(e.getKey())).toList();
            totals(h, "Channel " + e.getKey(), e.getValue(), lines);
            if (e.getValue().stream().noneMatch(v -> "SCORED".equals(v.status()))) {
                h.append("<p class=\"bad\">No VOD of ").append(esc(e.getKey())).append(" was scored.</p>\n");
            }
        }
        problems(h, d);
        models(h, d);
        top(h, d.highlights());
        labels(h, d);
        if (!d.highlights().isEmpty()) {
            h.append("<h2>Charts</h2>\n<img src=\"scores.png\" alt=\"highlight scores per channel\">\n")
                    .append("<img src=\"per-hour.png\" alt=\"highlights per hour of VOD\">\n");
        }
        stages(h, d);
        if (!timelines.isEmpty()) {
            h.append("<h2>Timelines</h2>\n");
            timelines.forEach((vod, png) -> h.append("<img src=\"").append(esc(png)).append("\" alt=\"timeline of ").append(esc(vod)).append("\">\n"));
        }
        h.append("<p class=\"note\">Data: <a href=\"highlights.csv\">highlights.csv</a>, <a href=\"vods.csv\">vods.csv</a>.</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void totals(StringBuilder h, String title, List<ReportData.Vod> vods, List<ReportData.Line> lines) {
        h.append("<h2>").append(esc(title)).append("</h2>\n<table><tr><th>VODs</th><th>hours</th><th>messages</th><th>rejected rows</th><th>highlights</th><th>failed</th><th>degraded</th></tr><tr>")
                .append(td(vods.size())).append("<td>").append(String.format(Locale.ROOT, "%.2f", vods.stream().mapToDouble(ReportData.Vod::hours).sum())).append("</td>")
                .append(td(vods.stream().mapToLong(ReportData.Vod::messages).sum())).append(td(vods.stream().mapToLong(ReportData.Vod::rejected).sum()))
                .append(td(lines.size())).append(td(vods.stream().filter(v -> !"SCORED".equals(v.status())).count()))
                .append(td(vods.stream().filter(v -> !v.mediaStatus().isEmpty() && !"OK".equals(v.mediaStatus())).count())).append("</tr></table>\n");
        labelTotals(h, vods);
        vods.stream().filter(v -> "SCORED".equals(v.status()) && v.highlights() == 0)
                .forEach(v -> h.append("<p class=\"note\">VOD ").append(esc(v.vodId())).append(" has no highlights.</p>\n"));
    }

    /** The labelled VODs' seconds and segments summed (micro-averaged), as evaluate prints them. */
    private static void labelTotals(StringBuilder h, List<ReportData.Vod> vods) {
        List<ReportData.Vod> labelled = vods.stream().filter(v -> v.labels() != null).toList();
        if (labelled.isEmpty()) {
            return;
        }
        HighlightEvaluator.Result sum = labelled.stream().map(v -> v.labels().result()).reduce(HighlightEvaluator.EMPTY, HighlightEvaluator.Result::plus);
        h.append("<p class=\"labels\">Against labels (").append(labelled.size()).append(" of ").append(vods.size())
                .append(" VODs labelled, micro-averaged): ").append(esc(figures(sum))).append("</p>\n");
    }

    private static String figures(HighlightEvaluator.Result r) {
        return String.format(Locale.ROOT, "F1 %.3f, segment P %.3f, segment R %.3f", r.f1(), r.segmentPrecision(), r.segmentRecall());
    }

    /** Each labelled VOD's figures and where its labels came from. */
    private static void labels(StringBuilder h, ReportData d) {
        List<ReportData.Vod> labelled = d.vods().stream().filter(v -> v.labels() != null).toList();
        if (labelled.isEmpty()) {
            return;
        }
        h.append("<h2>Highlights against labels</h2>\n<p class=\"note\">Per-second F1 inside the labelled span, segment precision and recall, ")
                .append("as <code>evaluate</code> computes them; labels stored by the feedback job win over labels.json.</p>\n")
                .append("<table id=\"labels\"><tr><th>channel</th><th>VOD</th><th>labels</th><th>F1</th><th>segment P</th><th>segment R</th>")
                .append("<th>highlights</th><th>labelled segments</th></tr>\n");
        for (ReportData.Vod v : labelled) {
            HighlightEvaluator.Result r = v.labels().result();
            h.append("<tr>").append(td(v.channel())).append(td(v.vodId())).append(td(v.labels().source()))
                    .append(td(String.format(Locale.ROOT, "%.3f", r.f1()))).append(td(String.format(Locale.ROOT, "%.3f", r.segmentPrecision())))
                    .append(td(String.format(Locale.ROOT, "%.3f", r.segmentRecall()))).append(td(r.predictedSegments()))
                    .append(td(r.labelSegments())).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void problems(StringBuilder h, ReportData d) {
        List<ReportData.Vod> failed = d.vods().stream().filter(v -> !"SCORED".equals(v.status())).toList();
        if (!failed.isEmpty() || !d.problems().isEmpty()) {
            h.append("<h2>Failed VODs and bad input</h2>\n<ul id=\"problems\">\n");
            failed.forEach(v -> h.append("<li class=\"bad\">").append(esc(v.vodId())).append(" ").append(esc(v.status()))
                    .append(": ").append(esc(v.failure())).append("</li>\n"));
            d.problems().forEach(p -> h.append("<li class=\"bad\">").append(esc(p)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!d.quarantine().isEmpty()) {
            h.append("<h2>Quarantined rows</h2>\n<ul>\n");
            d.quarantine().forEach(q -> h.append("<li><a href=\"../../").append(esc(q)).append("\">").append(esc(q)).append("</a></li>\n"));
            h.append("</ul>\n");
        }
    }

    private static void models(StringBuilder h, ReportData d) {
        if (d.modelMetrics().isEmpty()) {
            return;
        }
        h.append("<h2>Models</h2>\n<table><tr><th>version</th><th>held-out metrics</th></tr>\n");
        d.modelMetrics().forEach((v, m) -> h.append("<tr>").append(td(v)).append(td(m)).append("</tr>\n"));
        h.append("</table>\n");
    }

    private static void top(StringBuilder h, List<ReportData.Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        h.append("<h2>Top 10 highlights</h2>\n<table id=\"top\"><tr><th>channel</th><th>VOD</th><th>start</th><th>end</th><th>score</th><th>reel</th></tr>\n");
        lines.stream().sorted(Comparator.comparingDouble((ReportData.Line l) -> -l.highlight().score())).limit(10).forEach(l -> h.append("<tr>")
                .append(td(l.channel())).append(td(l.highlight().vodId())).append(td(clock(l.highlight().startMs())))
                .append(td(clock(l.highlight().endMs()))).append(td(String.format(Locale.ROOT, "%.3f", l.highlight().score())))
                .append("<td>").append(l.reelPath().isEmpty() ? "" : "<a href=\"" + esc(l.reelPath()) + "#t="
                        + String.format(Locale.ROOT, "%.1f", l.reelOffsetS()) + "\">reel</a>").append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static void stages(StringBuilder h, ReportData d) {
        if (!d.stages().isEmpty()) {
            h.append("<h2>Highlights job stages</h2>\n<table><tr><th>date</th><th>step</th><th>seconds</th><th>status</th></tr>\n");
            d.stages().forEach(s -> h.append("<tr>").append(td(s.date())).append(td(s.step()))
                    .append(td(String.format(Locale.ROOT, "%.1f", s.millis() / 1000.0))).append(td(s.status())).append("</tr>\n"));
            h.append("</table>\n");
        }
        if (!d.days().isEmpty()) {
            h.append("<h2>").append(d.range() ? "Trend per day" : "Against the last 7 days").append("</h2>\n")
                    .append("<table id=\"days\"><tr><th>date</th><th>highlights job</th><th>seconds</th><th>VODs scored</th><th>VODs failed</th><th>rows rejected</th></tr>\n");
            d.days().forEach(t -> h.append("<tr>").append(td(t.date())).append(td(t.status()))
                    .append(td(String.format(Locale.ROOT, "%.1f", t.jobMillis() / 1000.0)))
                    .append(td(t.vodsScored())).append(td(t.vodsFailed())).append(td(t.rowsRejected())).append("</tr>\n"));
            h.append("</table>\n");
        }
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String td(Object v) {
        return "<td>" + esc(String.valueOf(v)) + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
