package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staging folder where each channel's partition leaves its part for the assemble step:
 * {@code reports/.{name}.parts-{jobInstanceId}/{channel}/} with the channel's timeline PNGs and
 * {@code part.json}, written last. It is in HDFS (beside the report, hidden) so that a partition
 * may run on any worker, and keyed by the job instance so that a restart finds the parts of the
 * channels that completed before, while a re-run (a new instance) starts clean.
 */
final class ReportParts {

    static final String PART = "part.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportParts() {
    }

    static Path staging(HdfsLayout layout, LocalDate from, LocalDate to, long jobInstanceId) {
        Path target = layout.reports(from, to);
        return new Path(target.getParent(), "." + target.getName() + ".parts-" + jobInstanceId);
    }

    /** A folder name for any channel: its own name when that is safe, else a safe name made unique by a hash. */
    static Path channelDir(Path staging, String channel) {
        String safe = channel.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!safe.equals(channel) || safe.startsWith(".")) {
            safe = "_" + safe + "-" + Integer.toHexString(channel.hashCode());
        }
        return new Path(staging, safe);
    }

    static String timelineName(String vodId) {
        return "timeline-" + vodId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
    }

    /** Writes the part last, so a channel folder with a part.json is complete. */
    static void write(FileSystem fs, Path dir, ChannelPart part) throws IOException {
        try (OutputStream out = fs.create(new Path(dir, PART), true)) {
            JSON.writeValue(out, part);
        }
    }

    /** Every channel's part, by channel; a channel folder without its part.json is an error naming it. */
    static List<ChannelPart> read(FileSystem fs, Path staging) throws IOException {
        List<ChannelPart> parts = new ArrayList<>();
        if (!fs.exists(staging)) {
            return parts;
        }
        for (FileStatus dir : fs.listStatus(staging)) {
            Path file = new Path(dir.getPath(), PART);
            if (!fs.exists(file)) {
                throw new IllegalStateException("channel part " + dir.getPath() + " has no " + PART + ": its partition did not complete");
            }
            try (InputStream in = fs.open(file)) {
                parts.add(JSON.readValue(in, ChannelPart.class));
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalStateException(file + ": not a channel part: " + e.getOriginalMessage());
            }
        }
        parts.sort(Comparator.comparing(ChannelPart::channel));
        return parts;
    }
}
