package dev.highlighter.jobs.highlights;

import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.writers.VodStatusWriter;
import org.springframework.batch.core.step.StepExecution;

/** The chat step's rules: a file with no valid rows fails its VOD; the vods row gets the chat counts. */
class ChatOutcome implements WindowFlushWriter.Outcome {

    private final VodStatusWriter vods;
    private final String vodId;
    private final String chatPath;

    ChatOutcome(VodStatusWriter vods, String vodId, String chatPath) {
        this.vods = vods;
        this.vodId = vodId;
        this.chatPath = chatPath;
    }

    @Override
    public String problem(StepExecution step, long messages) {
        if (messages > 0) {
            return null;
        }
        long rejected = step.getReadSkipCount();
        return "chat file " + chatPath + " has no valid rows"
                + (rejected > 0 ? " (" + rejected + " malformed rows were quarantined)" : " (the file is empty)");
    }

    @Override
    public void done(StepExecution step, long messages, long windows) throws Exception {
        var context = step.getExecutionContext();
        vods.chatDone(vodId, chatPath, context.getString(ChatMessageReader.FORMAT_KEY, ""),
                new VodStatusWriter.ChatCounts(messages, windows, step.getReadSkipCount(), context.getLong(ChatMessageReader.IGNORED_KEY, 0L)),
                step.getJobExecutionId());
    }
}
