package dev.highlighter.writers;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.VodHighlights;
import dev.highlighter.core.VodRef;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.core.vods.MediaStatus;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.core.vods.VodStatus;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Records in a VOD's row of {@code vods} what each stage of a run made of it: one method per
 * outcome, so the columns a stage writes and their values are decided here only. Values are
 * strings so that the HBase shell shows them as they are.
 */
public class VodStatusWriter {

    /** What the chat step counted. */
    public record ChatCounts(long messages, long windows, long rejected, long ignored) {
    }

    /** What the media step found in the video. */
    public record MediaCounts(String codecs, long windows, long cuts) {
    }

    private final Connection connection;

    public VodStatusWriter(Connection connection) {
        this.connection = connection;
    }

    /** Found in the date's partition: where it is and its files. */
    public void discovered(VodRef vod) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.CHANNEL, vod.channel());
        row.put(VodColumn.DATE, vod.date());
        row.put(VodColumn.VIDEO_PATH, vod.videoPath());
        row.put(VodColumn.CHAT_PATH, vod.chatPath());
        put(vod.vodId(), row);
    }

    /** The chat file is read and its windows written. */
    public void chatDone(String vodId, String chatPath, String format, ChatCounts counts, long jobExecutionId) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.CHAT_PATH, chatPath);
        row.put(VodColumn.CHAT_FORMAT, format);
        row.put(VodColumn.CHAT_MESSAGES, counts.messages());
        row.put(VodColumn.CHAT_WINDOWS, counts.windows());
        row.put(VodColumn.CHAT_REJECTED, counts.rejected());
        row.put(VodColumn.CHAT_IGNORED, counts.ignored());
        row.put(VodColumn.LAST_JOB_EXECUTION, jobExecutionId);
        put(vodId, row);
    }

    /**
     * The video is decoded, fully or degraded.
     *
     * @param error why the media is degraded; null when it is {@link MediaStatus#OK}, which clears an earlier error
     */
    public void mediaDone(String vodId, String videoPath, MediaStatus status, String error, MediaCounts counts, long jobExecutionId)
            throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.VIDEO_PATH, videoPath);
        row.put(VodColumn.MEDIA_CODECS, counts.codecs());
        row.put(VodColumn.MEDIA_WINDOWS, counts.windows());
        row.put(VodColumn.MEDIA_CUTS, counts.cuts());
        row.put(VodColumn.MEDIA_STATUS, status);
        row.put(VodColumn.MEDIA_ERROR, error == null ? "" : error);
        row.put(VodColumn.LAST_JOB_EXECUTION, jobExecutionId);
        put(vodId, row);
    }

    /** Its highlights of a model version are written: they are the VOD's current ones. */
    public void scored(VodHighlights vod, long jobExecutionId) throws IOException {
        scored(vod, ModelRegistry.DEFAULT_SCOPE, jobExecutionId);
    }

    /** As {@link #scored(VodHighlights, long)}, by the champion of {@code scope}. */
    public void scored(VodHighlights vod, String scope, long jobExecutionId) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.MODEL_SCOPE, scope);
        row.put(VodColumn.STATUS, VodStatus.SCORED);
        row.put(VodColumn.DURATION_MS, vod.durationMs());
        row.put(VodColumn.HIGHLIGHTS, vod.highlights().size());
        row.put(VodColumn.MODEL_VERSION, vod.modelVersion());
        row.put(VodColumn.LAST_JOB_EXECUTION, jobExecutionId);
        put(vod.vodId(), row);
    }

    /** Its reel is cut: where, how (copy or re-encode) and how long. */
    public void reelCut(String vodId, String reelPath, String mode, double durationS) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.REEL_PATH, reelPath);
        row.put(VodColumn.REEL_MODE, mode);
        row.put(VodColumn.REEL_DURATION_S, String.format(Locale.ROOT, "%.3f", durationS));
        put(vodId, row);
    }

    /** It has no highlights, so no reel; an earlier reel's path is blanked. */
    public void noReel(String vodId) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.REEL_PATH, "");
        row.put(VodColumn.REEL_DURATION_S, 0);
        put(vodId, row);
    }

    /** Every stage completed: the failure of an earlier run no longer applies. */
    public void completed(String vodId) throws IOException {
        Delete delete = new Delete(HBaseSchema.vodRow(vodId)).addColumns(HBaseSchema.DATA, VodColumn.FAILURE.bytes());
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            table.delete(delete);
        }
    }

    /** A stage failed it; {@code reason} names the stage and why. */
    public void failed(String vodId, String reason, long jobExecutionId) throws IOException {
        Map<VodColumn, Object> row = new EnumMap<>(VodColumn.class);
        row.put(VodColumn.STATUS, VodStatus.FAILED);
        row.put(VodColumn.FAILURE, reason);
        row.put(VodColumn.LAST_JOB_EXECUTION, jobExecutionId);
        put(vodId, row);
    }

    /** One Put of the columns that have a value; a null leaves its column as it was. */
    private void put(String vodId, Map<VodColumn, Object> columns) throws IOException {
        Put put = new Put(HBaseSchema.vodRow(vodId));
        columns.forEach((column, value) -> {
            if (value != null) {
                put.addColumn(HBaseSchema.DATA, column.bytes(), Bytes.toBytes(String.valueOf(value)));
            }
        });
        try (Table table = connection.getTable(HBaseSchema.VODS)) {
            table.put(put);
        }
    }
}
