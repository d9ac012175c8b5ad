package dev.highlighter.jobs.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per channel of the range, named after the channel so that a partition (and its
 * restart state) is the same in every run of the report. Each carries its VODs with their dates,
 * so the partition reads their rows by key.
 */
class ChannelPartitioner implements Partitioner {

    static final String CHANNEL = "channel";
    /** The channel's VODs as {@code vodId/yyyy-MM-dd}, one a line (a file name may hold a comma, never a slash). */
    static final String VODS = "vods";

    private final ReportCollector collector;
    private final LocalDate from;
    private final LocalDate to;
    private final FileSystem fs;
    private final Path staging;

    /** @param staging the run's staging folder, where the channel list goes for the assemble step */
    ChannelPartitioner(ReportCollector collector, LocalDate from, LocalDate to, FileSystem fs, Path staging) {
        this.collector = collector;
        this.from = from;
        this.to = to;
        this.fs = fs;
        this.staging = staging;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, List<ReportCollector.Entry>> channels;
        try {
            channels = collector.channels(from, to);
            ReportParts.expect(fs, staging, channels.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the channels of " + from + ".." + to + ": " + e.getMessage(), e);
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        channels.forEach((channel, entries) -> {
            ExecutionContext context = new ExecutionContext();
            context.putString(CHANNEL, channel);
            context.putString(VODS, entries.stream().map(e -> e.vodId() + "/" + e.date()).collect(Collectors.joining("\n")));
            partitions.put(channel, context);
        });
        return partitions;
    }

    static List<ReportCollector.Entry> entries(String vods) {
        if (vods.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(vods.split("\n")).map(e -> {
            int slash = e.lastIndexOf('/');
            return new ReportCollector.Entry(e.substring(0, slash), LocalDate.parse(e.substring(slash + 1)));
        }).toList();
    }
}
