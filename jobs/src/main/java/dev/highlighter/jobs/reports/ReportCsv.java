package dev.highlighter.jobs.reports;

import dev.highlighter.core.Highlight;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code highlights.csv} and {@code vods.csv}: RFC 4180, one header line, one line per highlight or VOD. */
final class ReportCsv {

    static final String HIGHLIGHTS_HEADER = "channel,date,vod_id,start_s,end_s,score,rank,model_version,signals,top_features,reel_offset_s,reel_path";
    static final String VODS_HEADER = "channel,date,vod_id,status,media_status,hours,messages,rejected,highlights,model_version,processing_s,failure,f1,seg_p,seg_r";

    private ReportCsv() {
    }

    static void highlights(ReportData data, Writer out) throws IOException {
        out.write(HIGHLIGHTS_HEADER + "\n");
        for (ReportData.Line line : data.highlights()) {
            Highlight h = line.highlight();
            out.write(row(line.channel(), String.valueOf(line.date()), h.vodId(), num(h.startSeconds()), num(h.endSeconds()),
                    String.format(Locale.ROOT, "%.4f", h.score()), String.valueOf(h.rank()), h.modelVersion(),
                    String.join(";", h.signals()), String.join(";", h.topFeatures()),
                    line.reelOffsetS() < 0 ? "" : num(line.reelOffsetS()), line.reelPath()));
        }
    }

    static void vods(ReportData data, Writer out) throws IOException {
        out.write(VODS_HEADER + "\n");
        for (ReportData.Vod v : data.vods()) {
            out.write(row(v.channel(), String.valueOf(v.date()), v.vodId(), v.status(), v.mediaStatus(),
                    String.format(Locale.ROOT, "%.3f", v.hours()), String.valueOf(v.messages()), String.valueOf(v.rejected()),
                    String.valueOf(v.highlights()), v.model(), num(v.processingMs() / 1000.0), v.failure(),
                    v.labels() == null ? "" : ratio(v.labels().result().f1()), v.labels() == null ? "" : ratio(v.labels().result().segmentPrecision()),
                    v.labels() == null ? "" : ratio(v.labels().result().segmentRecall())));
        }
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String row(String... fields) {
        return List.of(fields).stream().map(ReportCsv::quote).collect(Collectors.joining(",")) + "\n";
    }

    private static String quote(String field) {
        if (field == null) {
            return "";
        }
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
