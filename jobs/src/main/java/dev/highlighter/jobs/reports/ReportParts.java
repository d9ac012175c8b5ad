package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    /** The channels the partitioner handed out, one a line: the parts assemble must find. */
    static final String CHANNELS = "_channels";
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

    /** Creates the staging folder with the list of channels whose parts assemble will read (none for a day without data). */
    static void expect(FileSystem fs, Path staging, java.util.Collection<String> channels) throws IOException {
        fs.mkdirs(staging);
        try (OutputStream out = fs.create(new Path(staging, CHANNELS), true)) {
            out.write(String.join("\n", channels).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Every expected channel's part, by channel. A missing staging folder or part is an error naming
     * it, never an empty report: a report published over a good one would lose it.
     */
    static List<ChannelPart> read(FileSystem fs, Path staging) throws IOException {
        Path list = new Path(staging, CHANNELS);
        if (!fs.exists(list)) {
            throw new IllegalStateException("the report's staging folder " + staging + " (or its " + CHANNELS + ") is gone, so its "
                    + "channels' parts are lost; a run that published it may have stopped just after: run it again with --rerun");
        }
        List<String> channels;
        try (InputStream in = fs.open(list)) {
            channels = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
        }
        List<ChannelPart> parts = new ArrayList<>();
        for (String channel : channels) {
            Path file = new Path(channelDir(staging, channel), PART);
            if (!fs.exists(file)) {
                throw new IllegalStateException("channel " + channel + " has no " + file + ": its partition did not complete");
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
