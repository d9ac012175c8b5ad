package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The VODs that discoverVods found, kept in the job's context so that every stage and the
 * summary see the same list and HDFS is listed once per run. Plain text, one VOD a line, so any
 * execution-context serializer stores it.
 */
public final class DiscoveredVods {

    static final String KEY = "discoveredVods";

    private DiscoveredVods() {
    }

    public static void put(ExecutionContext jobContext, List<VodRef> vods) {
        StringBuilder out = new StringBuilder();
        for (VodRef v : vods) {
            out.append(v.channel()).append('\t').append(v.date()).append('\t').append(v.vodId()).append('\t')
                    .append(v.chatPath() == null ? "" : v.chatPath()).append('\t')
                    .append(v.videoPath() == null ? "" : v.videoPath()).append('\n');
        }
        jobContext.putString(KEY, out.toString());
    }

    /** The list of this run; fails if discoverVods has not run, rather than seeing no VODs. */
    public static List<VodRef> get(ExecutionContext jobContext) {
        if (!jobContext.containsKey(KEY)) {
            throw new IllegalStateException("the job context has no VOD list: discoverVods did not run in this job execution");
        }
        List<VodRef> vods = new ArrayList<>();
        for (String line : jobContext.getString(KEY).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            vods.add(new VodRef(f[0], LocalDate.parse(f[1]), f[2], f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4]));
        }
        return vods;
    }
}
