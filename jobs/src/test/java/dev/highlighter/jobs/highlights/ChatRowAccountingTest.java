package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.QuarantineSkipListener;
import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.readers.chat.ChatMessageReader;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** read = written + skipped, on the counts a chat step leaves in the job repository. */
class ChatRowAccountingTest {

    private static StepExecution chatStep(long readByReader, long readCount, long written, long quarantined) {
        StepExecution step = new StepExecution(1, "chatFeatures.vod:v", new JobExecution(1, new JobInstance(1, "highlights"), new JobParameters()));
        step.getExecutionContext().putLong(ChatMessageReader.ROWS_KEY, readByReader);
        step.getExecutionContext().putLong(WindowFlushWriter.ITEMS_KEY, written);
        step.getExecutionContext().putLong(QuarantineSkipListener.ROWS_KEY, quarantined);
        step.setReadCount(readCount);
        step.setReadSkipCount(quarantined);
        return step;
    }

    @Test
    void rowsThatAddUpPass() {
        ChatRowAccounting rows = ChatRowAccounting.of(chatStep(3000, 2999, 2999, 1));
        assertThat(rows.balanced()).isTrue();
        assertThat(rows.mismatch("x.chat.csv")).isNull();
        assertThat(rows).hasToString("read 3000 = written 2999 + skipped 1");
    }

    @Test
    void rowsThatWentMissingAreNamedWithTheFigures() {
        // the case before the fix, had the reader counted lines: six rows in neither place
        assertThat(ChatRowAccounting.of(chatStep(3000, 2993, 2993, 1)).mismatch("x.chat.csv"))
                .isEqualTo("rows of x.chat.csv went missing: read 3000, but written 2993 + skipped 1 (quarantined 1, filtered 0) = 2994;"
                        + " the step handed on 2993");
        assertThat(ChatRowAccounting.of(chatStep(3000, 3000, 2990, 0)).balanced()).as("lost between reader and windows").isFalse();
        assertThat(ChatRowAccounting.of(chatStep(3000, 2990, 3000, 10)).balanced()).as("quarantined twice over").isFalse();
    }

    @Test
    void aStepFromBeforeTheCountsWereKeptIsNotJudged() {
        StepExecution old = chatStep(1, 1, 1, 0);
        old.getExecutionContext().remove(ChatMessageReader.ROWS_KEY);
        assertThat(ChatRowAccounting.of(old)).isNull();
    }
}
