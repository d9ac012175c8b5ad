package dev.highlighter.core;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where everything lives under the configured root (DESIGN.md, "HDFS layout"). The root is any
 * Hadoop FileSystem URI: {@code hdfs://nn/highlighter} in production, {@code file:///abs/data/fs}
 * on one machine.
 */
public final class HdfsLayout {

    /** Written by the uploader when a day's partition is complete. */
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private final Path root;

    public HdfsLayout(Path root) {
        this.root = root;
    }

    public HdfsLayout(String root) {
        this(new Path(root));
    }

    public Path root() {
        return root;
    }

    public Path vods() {
        return new Path(root, "vods");
    }

    public Path vodPartition(String channel, LocalDate date) {
        return new Path(new Path(vods(), channel), date.toString());
    }

    public Path quarantine(String job, LocalDate date) {
        return new Path(new Path(new Path(root, "quarantine"), job), date.toString());
    }

    /** The rejected rows of one input file: {@code quarantine/{job}/{date}/{vodId}.{kind}.rejected.jsonl}. */
    public Path quarantineFile(String job, LocalDate date, String vodId, String kind) {
        return new Path(quarantine(job, date), vodId + "." + kind + ".rejected.jsonl");
    }

    public Path models() {
        return new Path(new Path(root, "models"), "highlight");
    }

    public Path feedback(LocalDate date) {
        return new Path(new Path(root, "feedback"), date.toString());
    }

    public Path reports(LocalDate date) {
        return new Path(new Path(root, "reports"), date.toString());
    }

    /** A roll-up report over [from, to]: {@code reports/{from}_{to}}. */
    public Path reports(LocalDate from, LocalDate to) {
        return from.equals(to) ? reports(from) : new Path(new Path(root, "reports"), from + "_" + to);
    }

    public Path reel(String channel, LocalDate date, String vodId) {
        return new Path(new Path(new Path(new Path(root, "reels"), channel), date.toString()), vodId + ".mp4");
    }
}
