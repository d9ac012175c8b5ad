package dev.highlighter.jobs.highlights;

import dev.highlighter.core.WindowFeatures;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import dev.highlighter.processors.chat.MessageSignals;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.writers.VodStatusWriter;
import dev.highlighter.writers.WindowFeaturesWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The sink of the chat step. Chunks of message signals are summed into windows as they come; the
 * features depend on the whole VOD's baseline, so they are written to {@code windows:c} once the
 * last chunk is in. A failure there fails the step (and so the VOD), not just a log line.
 */
public class ChatWindowsWriter implements ItemWriter<MessageSignals>, StepExecutionListener {

    /** Rows per HBase batch when the features are written. */
    static final int WRITE_BATCH = 1000;

    private final ChatWindowAggregator aggregator;
    private final WindowFeaturesWriter features;
    private final VodStatusWriter vods;
    private final String vodId;
    private final String chatPath;

    public ChatWindowsWriter(ChatWindowAggregator aggregator, WindowFeaturesWriter features, VodStatusWriter vods,
                             String vodId, String chatPath) {
        this.aggregator = aggregator;
        this.features = features;
        this.vods = vods;
        this.vodId = vodId;
        this.chatPath = chatPath;
    }

    @Override
    public void write(Chunk<? extends MessageSignals> chunk) {
        for (MessageSignals m : chunk) {
            aggregator.add(m);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        try {
            if (aggregator.messages() == 0) {
                long rejected = step.getReadSkipCount();
                throw new IllegalStateException("chat file " + chatPath + " has no valid rows"
                        + (rejected > 0 ? " (" + rejected + " malformed rows were quarantined)" : " (the file is empty)"));
            }
            List<WindowFeatures> windows = aggregator.features();
            for (int i = 0; i < windows.size(); i += WRITE_BATCH) {
                features.write(new Chunk<>(windows.subList(i, Math.min(windows.size(), i + WRITE_BATCH))));
            }
            step.setWriteCount(windows.size());
            step.getExecutionContext().putLong("chat.windows", windows.size());
            step.getExecutionContext().putLong("chat.messages", aggregator.messages());
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("chat_path", chatPath);
            status.put("chat_format", step.getExecutionContext().getString(ChatMessageReader.FORMAT_KEY, ""));
            status.put("chat_messages", aggregator.messages());
            status.put("chat_rejected", step.getReadSkipCount());
            status.put("chat_ignored", step.getExecutionContext().getLong(ChatMessageReader.IGNORED_KEY, 0L));
            status.put("status", "CHAT_SCORED");
            status.put("last_job_execution", step.getJobExecutionId());
            vods.update(vodId, status);
            return null;
        } catch (Exception e) {
            // afterStep exceptions are only logged by Spring Batch, so fail the step explicitly
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED.addExitDescription(e.getMessage());
        }
    }
}
