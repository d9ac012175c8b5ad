package dev.highlighter.jobs.highlights;

import dev.highlighter.readers.chat.ChatMessageReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;

/** The chat step's rules: a file with no valid rows fails its VOD; the vods row gets the chat counts. */
class ChatOutcome implements WindowFlushWriter.Outcome {

    private final String chatPath;

    ChatOutcome(String chatPath) {
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
    public Map<String, Object> vodColumns(StepExecution step, long messages, long windows) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("chat_path", chatPath);
        status.put("chat_format", step.getExecutionContext().getString(ChatMessageReader.FORMAT_KEY, ""));
        status.put("chat_messages", messages);
        status.put("chat_windows", windows);
        status.put("chat_rejected", step.getReadSkipCount());
        status.put("chat_ignored", step.getExecutionContext().getLong(ChatMessageReader.IGNORED_KEY, 0L));
        status.put("last_job_execution", step.getJobExecutionId());
        return status;
    }
}
