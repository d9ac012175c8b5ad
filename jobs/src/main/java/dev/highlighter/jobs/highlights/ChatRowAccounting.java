package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.QuarantineSkipListener;
import dev.highlighter.readers.chat.ChatMessageReader;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Every chat row of a VOD ends up counted: read = written + skipped. Read is what the reader
 * consumed; written, the messages that reached the windows; skipped, the rows quarantined plus
 * any the processor filtered. The job repository's read count (messages handed on) must match
 * too. A completed chat step that breaks this lost rows silently, and the summary fails its VOD.
 *
 * @param read        rows the reader consumed
 * @param handedOn    messages the step read (the job repository's read count)
 * @param written     messages in the windows
 * @param quarantined rows in the quarantine (a block refused as one counts its rows)
 * @param filtered    messages the processor dropped
 */
record ChatRowAccounting(long read, long handedOn, long written, long quarantined, long filtered) {

    /** The counts a chat step recorded, or null when it recorded none (a step from before they were kept). */
    static ChatRowAccounting of(StepExecution chatStep) {
        ExecutionContext context = chatStep.getExecutionContext();
        if (!context.containsKey(ChatMessageReader.ROWS_KEY) || !context.containsKey(WindowFlushWriter.ITEMS_KEY)) {
            return null;
        }
        return new ChatRowAccounting(context.getLong(ChatMessageReader.ROWS_KEY), chatStep.getReadCount(),
                context.getLong(WindowFlushWriter.ITEMS_KEY), context.getLong(QuarantineSkipListener.ROWS_KEY, 0L),
                chatStep.getFilterCount() + chatStep.getProcessSkipCount() + chatStep.getWriteSkipCount());
    }

    long skipped() {
        return quarantined + filtered;
    }

    boolean balanced() {
        return read == written + skipped() && read == handedOn + quarantined;
    }

    /** The figures, as the summary prints them. */
    @Override
    public String toString() {
        return "read " + read + " = written " + written + " + skipped " + skipped();
    }

    /** Why the counts do not add up, naming the file; null when they do. */
    String mismatch(String chatPath) {
        if (balanced()) {
            return null;
        }
        return "rows of " + chatPath + " went missing: read " + read + ", but written " + written + " + skipped " + skipped()
                + " (quarantined " + quarantined + ", filtered " + filtered + ") = " + (written + skipped())
                + "; the step handed on " + handedOn;
    }
}
