package dev.highlighter.jobs.reports;

import java.util.List;
import java.util.Map;

/**
 * What one channel's partition found, kept in the staging folder (beside its timeline PNGs) until
 * the assemble step turns every channel's part into the report.
 *
 * @param timelines VOD id to the file name of its timeline PNG, drawn by the partition
 */
public record ChannelPart(String channel, List<ReportData.Vod> vods, List<ReportData.Line> highlights, List<String> problems,
                          Map<String, String> timelines) {

    public ChannelPart {
        vods = List.copyOf(vods);
        highlights = List.copyOf(highlights);
        problems = List.copyOf(problems);
        timelines = Map.copyOf(timelines);
    }
}
