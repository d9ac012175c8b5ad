package dev.highlighter.jobs.reports;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.Highlight;
import dev.highlighter.core.PredictionCodec;
import dev.highlighter.core.VodRef;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodRow;
import dev.highlighter.core.vods.VodStatus;
import dev.highlighter.processors.feedback.LabelAggregator;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.readers.hbase.HighlightReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.SingleColumnValueFilter;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Reads what a report needs from HBase and HDFS. The VODs of the range come from one scan of
 * {@code vods} filtered on its date column and from the catalog's partitions (so a VOD whose row
 * is gone still shows up), grouped by channel; a channel's rows are then read by key, and
 * everything else is a scan bounded by one VOD's salted prefix.
 * Bad rows become problems in the report, never exceptions.
 */
public class ReportCollector {

    private static final byte[] CHAT_MESSAGES = Bytes.toBytes("chat_msgs");
    private static final byte[] RMS_DB = Bytes.toBytes("media_rms_db");
    private static final byte[] LABEL = Bytes.toBytes(LabelAggregator.LABEL);
    /** The channel of a VOD whose row and folder both lack one. */
    static final String UNKNOWN_CHANNEL = "?";
    /** Columns a VOD's row must have once a run has scored it. */
    private static final List<VodColumn> REQUIRED_WHEN_SCORED = List.of(VodColumn.CHANNEL, VodColumn.DATE,
            VodColumn.DURATION_MS, VodColumn.HIGHLIGHTS, VodColumn.MODEL_VERSION);

    private final Connection connection;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final VodCatalog catalog;

    public ReportCollector(Connection connection, FileSystem fs, HdfsLayout layout, VodCatalog catalog) {
        this.connection = connection;
        this.fs = fs;
        this.layout = layout;
        this.catalog = catalog;
    }

    /** A VOD of the range as the partitioner hands it to its channel: its id and its date. */
    public record Entry(String vodId, LocalDate date) {
    }

    /**
     * The range's VODs by channel (sorted), from the catalog's partitions and one scan of
     * {@code vods} filtered on its date column, so a VOD whose files or whose row are gone still
     * shows up. A row's channel wins over its folder's; a VOD with neither is under {@code ?}.
     */
    public Map<String, List<Entry>> channels(LocalDate from, LocalDate to) throws IOException {
        Map<String, VodRef> refs = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (VodRef ref : catalog.list(d)) {
                refs.put(ref.vodId(), ref);
            }
        }
        Map<String, VodRow> rows = rowsBetween(from, to);
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(refs.keySet());
        ids.addAll(rows.keySet());
        Map<String, List<Entry>> out = new TreeMap<>();
        for (String vodId : ids) {
            VodRow row = rows.get(vodId);
            VodRef ref = refs.get(vodId);
            String channel = row == null ? ref.channel() : row.get(VodColumn.CHANNEL).orElse(ref == null ? UNKNOWN_CHANNEL : ref.channel());
            LocalDate date = row == null ? ref.date() : row.date().orElse(ref == null ? from : ref.date());
            out.computeIfAbsent(channel, c -> new ArrayList<>()).add(new Entry(vodId, date));
        }
        return out;
    }

    /**
     * One channel's VODs, highlights, labels figures and problems. Rows are read by key, windows
     * and highlights by each VOD's salted prefix. {@code labels}: labels.json's VODs by id, used for
     * a VOD that has no labels stored in {@code windows:l}.
     */
    public ChannelPart collect(String channel, List<Entry> entries, ReportLabels labels) throws IOException {
        Map<String, VodRow> rows = rowsByKey(entries);
        List<String> problems = new ArrayList<>(labels.problems());
        List<ReportData.Vod> vods = new ArrayList<>();
        List<ReportData.Line> lines = new ArrayList<>();
        HighlightReader reader = new HighlightReader(connection);
        for (Entry entry : entries) {
            String vodId = entry.vodId();
            VodRow row = rows.get(vodId);
            if (row == null) {
                long orphans = highlightRows(vodId);
                problems.add("VOD " + vodId + " (" + channel + "/" + entry.date() + ") has no row in vods"
                        + (orphans > 0 ? "; " + orphans + " highlight rows in HBase (any model version) belong to it and are left out" : ""));
                vods.add(new ReportData.Vod(vodId, channel, entry.date(), "MISSING", "", 0, 0, 0, 0, "",
                        "no vods row", "", 0, ReportData.Timeline.EMPTY, null));
                continue;
            }
            try {
                ReportData.Vod vod = vod(row, channel, entry.date(), problems);
                List<Highlight> found = vod.model().isEmpty() ? List.of() : reader.highlights(vodId, vod.model());
                if (!vod.model().isEmpty() && found.size() != vod.highlights()) {
                    problems.add("VOD " + vodId + ": vods row says " + vod.highlights() + " highlights, HBase holds " + found.size());
                }
                vods.add(vod.model().isEmpty() ? vod : labels.evaluate(vod, found));
                double reelAt = 0;
                for (Highlight h : found.stream().sorted(Comparator.comparingLong(Highlight::startMs)).toList()) {
                    boolean reel = !vod.reelPath().isEmpty();
                    lines.add(new ReportData.Line(vod.channel(), vod.date(), h, reel ? reelAt : -1, vod.reelPath()));
                    reelAt += (h.endMs() - h.startMs()) / 1000.0;
                }
            } catch (RuntimeException e) {
                problems.add("VOD " + vodId + ": " + e.getMessage());
                vods.add(new ReportData.Vod(vodId, channel, entry.date(), "UNREADABLE", "", 0, 0, 0, 0, "",
                        String.valueOf(e.getMessage()), "", 0, ReportData.Timeline.EMPTY, null));
            }
        }
        return new ChannelPart(channel, vods, lines, problems, Map.of());
    }

    private ReportData.Vod vod(VodRow row, String partitionChannel, LocalDate entryDate, List<String> problems) throws IOException {
        String vodId = row.vodId();
        java.util.Optional<VodStatus> status = row.status();
        if (status.isEmpty()) {
            problems.add("VOD " + vodId + ": vods row has no column '" + VodColumn.STATUS.qualifier() + "'");
        } else if (status.get() == VodStatus.SCORED) {
            for (VodColumn c : REQUIRED_WHEN_SCORED) {
                if (row.get(c).isEmpty()) {
                    problems.add("VOD " + vodId + ": vods row is SCORED but has no column '" + c.qualifier() + "'");
                }
            }
        }
        String channel = row.get(VodColumn.CHANNEL).orElse(partitionChannel);
        LocalDate date = row.date().orElse(entryDate);
        String model = row.modelVersion().orElse("");
        long processing = 0;
        String media = row.mediaStatus().map(Enum::name).orElse("");
        if (!media.isEmpty() && !"OK".equals(media)) {
            problems.add("VOD " + vodId + " is degraded: " + media + " " + row.get(VodColumn.MEDIA_ERROR).orElse(""));
        }
        return new ReportData.Vod(vodId, channel, date, status.map(Enum::name).orElse("UNKNOWN"), media,
                row.number(VodColumn.DURATION_MS).orElse(0), row.number(VodColumn.CHAT_MESSAGES).orElse(0),
                row.number(VodColumn.CHAT_REJECTED).orElse(0), row.number(VodColumn.HIGHLIGHTS).orElse(0), model,
                row.get(VodColumn.FAILURE).orElse(""), row.get(VodColumn.REEL_PATH).orElse(""), processing,
                model.isEmpty() ? ReportData.Timeline.EMPTY : timeline(vodId, model), null);
    }

    /** One scan of {@code vods}, only its family, rows whose date (yyyy-MM-dd sorts as it reads) is in range. */
    private Map<String, VodRow> rowsBetween(LocalDate from, LocalDate to) throws IOException {
        byte[] date = VodColumn.DATE.bytes();
        SingleColumnValueFilter atLeast = new SingleColumnValueFilter(HBaseSchema.DATA, date, CompareOperator.GREATER_OR_EQUAL, Bytes.toBytes(from.toString()));
        SingleColumnValueFilter atMost = new SingleColumnValueFilter(HBaseSchema.DATA, date, CompareOperator.LESS_OR_EQUAL, Bytes.toBytes(to.toString()));
        atLeast.setFilterIfMissing(true);
        atMost.setFilterIfMissing(true);
        Scan scan = new Scan().addFamily(HBaseSchema.DATA).setCaching(500)
                .setFilter(new FilterList(FilterList.Operator.MUST_PASS_ALL, atLeast, atMost));
        Map<String, VodRow> out = new LinkedHashMap<>();
        try (Table table = connection.getTable(HBaseSchema.VODS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                VodRow row = row(r);
                out.put(row.vodId(), row);
            }
        }
        return out;
    }

    /** The channel's rows by key, in one batch of gets: no scan at all. */
    private Map<String, VodRow> rowsByKey(List<Entry> entries) throws IOException {
        List<Get> gets = entries.stream().map(e -> new Get(HBaseSchema.vodRow(e.vodId())).addFamily(HBaseSchema.DATA)).toList();
        Map<String, VodRow> out = new LinkedHashMap<>();
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            for (Result r : table.get(gets)) {
                if (!r.isEmpty()) {
                    VodRow row = row(r);
                    out.put(row.vodId(), row);
                }
            }
        }
        return out;
    }

    private static VodRow row(Result r) {
        String vodId = Bytes.toString(r.getRow());
        Map<VodColumn, String> cells = new EnumMap<>(VodColumn.class);
        for (VodColumn c : VodColumn.values()) {
            byte[] v = r.getValue(HBaseSchema.DATA, c.bytes());
            if (v != null) {
                cells.put(c, Bytes.toString(v));
            }
        }
        return new VodRow(vodId, cells);
    }

    /** Highlight rows of a VOD under any model version: a scan bounded by its salted prefix, keys only. */
    private long highlightRows(String vodId) throws IOException {
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix))
                .addColumn(HBaseSchema.DATA, dev.highlighter.core.HighlightColumn.START_MS.bytes()).setCaching(1000);
        long n = 0;
        try (Table table = connection.getTable(HBaseSchema.HIGHLIGHTS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result ignored : scanner) {
                n++;
            }
        }
        return n;
    }

    /** Chat messages, loudness, the model's probability and any stored label per window, from the VOD's own rows. */
    private ReportData.Timeline timeline(String vodId, String model) throws IOException {
        byte[] prefix = HBaseSchema.vodPrefix(vodId);
        byte[] probability = PredictionCodec.probabilityQualifier(model);
        Scan scan = new Scan().withStartRow(prefix).withStopRow(HBaseSchema.prefixEnd(prefix)).setCaching(2000)
                .addColumn(HBaseSchema.CHAT, CHAT_MESSAGES).addColumn(HBaseSchema.MEDIA, RMS_DB)
                .addColumn(HBaseSchema.PREDICTIONS, probability).addColumn(HBaseSchema.LABELS, LABEL);
        List<double[]> points = new ArrayList<>();
        try (Table table = connection.getTable(HBaseSchema.WINDOWS); ResultScanner scanner = table.getScanner(scan)) {
            for (Result r : scanner) {
                points.add(new double[] {HBaseSchema.windowStart(r.getRow()) / 1000.0, value(r, HBaseSchema.CHAT, CHAT_MESSAGES),
                        value(r, HBaseSchema.MEDIA, RMS_DB), value(r, HBaseSchema.PREDICTIONS, probability), value(r, HBaseSchema.LABELS, LABEL)});
            }
        }
        double[][] cols = new double[5][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int c = 0; c < 5; c++) {
                cols[c][i] = points.get(i)[c];
            }
        }
        return new ReportData.Timeline(cols[0], cols[1], cols[2], cols[3], cols[4]);
    }

    private static double value(Result r, byte[] family, byte[] qualifier) {
        byte[] v = r.getValue(family, qualifier);
        return v == null || v.length != Bytes.SIZEOF_DOUBLE ? Double.NaN : Bytes.toDouble(v);
    }

    /** Quarantine files of the range, as paths relative to the root (the report links them). */
    public List<String> quarantine(LocalDate from, LocalDate to) throws IOException {
        List<String> out = new ArrayList<>();
        String root = fs.makeQualified(layout.root()).toString();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            org.apache.hadoop.fs.Path dir = layout.quarantine("highlights", d);
            if (fs.exists(dir)) {
                for (FileStatus f : fs.listStatus(dir)) {
                    out.add(fs.makeQualified(f.getPath()).toString().substring(root.length() + 1));
                }
            }
        }
        return out;
    }
}
