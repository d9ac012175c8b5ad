package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.FailureCause;
import dev.highlighter.core.VodRef;
import dev.highlighter.writers.VodStatusWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The end of a run: one line per VOD with its outcome, the totals in the step's context, and a
 * failed job when any VOD failed, naming each one and why (the root cause, in one line). The job
 * can then be restarted, and only those VODs run again. Each VOD's chat rows must add up
 * ({@link ChatRowAccounting}, read = written + skipped); a VOD whose rows do not fails here.
 */
public class SummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SummaryTasklet.class);

    private final VodStatusWriter vods;
    private final JobRepository repository;
    private final LocalDate date;

    public SummaryTasklet(VodStatusWriter vods, JobRepository repository, LocalDate date) {
        this.vods = vods;
        this.repository = repository;
        this.date = date;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        JobInstance instance = self.getJobExecution().getJobInstance();
        List<String> failures = new ArrayList<>();
        long scored = 0;
        long videoOnly = 0;
        long degraded = 0;
        long rejectedRows = 0;
        for (VodRef vod : DiscoveredVods.get(self.getJobExecution().getExecutionContext())) {
            videoOnly += vod.hasChat() ? 0 : 1;
            String outcome = "COMPLETED";
            String chatRows = "";
            for (VodStage stage : VodStage.values()) {
                if (!stage.takes(vod)) {
                    continue;
                }
                StepExecution last = repository.getLastStepExecution(instance, stage.partition(vod.vodId()));
                if (!stage.required() && last == null) {
                    continue; // turned off for this run
                }
                if (last != null && stage == VodStage.CHAT_FEATURES) {
                    ChatRowAccounting rows = ChatRowAccounting.of(last);
                    rejectedRows += rows == null ? last.getReadSkipCount() : rows.quarantined();
                    if (rows != null && last.getStatus() == BatchStatus.COMPLETED) {
                        chatRows = " (chat " + rows + ")";
                        String mismatch = rows.mismatch(vod.chatPath());
                        if (mismatch != null) {
                            outcome = "FAILED in " + stage.worker() + ": " + mismatch;
                            break;
                        }
                    }
                }
                if (last != null && stage == VodStage.MEDIA_FEATURES
                        && last.getExecutionContext().containsKey(MediaOutcome.DEGRADED_KEY)) {
                    degraded++;
                    outcome = "COMPLETED on chat alone: " + last.getExecutionContext().getString(MediaOutcome.DEGRADED_KEY);
                }
                if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                    outcome = "FAILED in " + stage.worker() + ": " + reason(last);
                    break;
                }
            }
            log.info("  {}  {}{}", vod.vodId(), outcome, chatRows);
            if (outcome.startsWith("COMPLETED")) {
                scored++;
                vods.completed(vod.vodId());
            } else {
                failures.add(vod.vodId() + " " + outcome);
                vods.failed(vod.vodId(), outcome, self.getJobExecutionId());
            }
        }
        ExecutionContext context = self.getExecutionContext();
        context.putLong("vodsScored", scored);
        context.putLong("vodsFailed", failures.size());
        context.putLong("vodsVideoOnly", videoOnly);
        context.putLong("vodsDegradedToChat", degraded);
        context.putLong("chatRowsRejected", rejectedRows);
        log.info("Summary for {}: {} scored ({} on video alone, {} on chat alone after a media error), {} failed, {} chat rows quarantined",
                date, scored, videoOnly, degraded, failures.size(), rejectedRows);
        if (!failures.isEmpty()) {
            throw new VodsFailedException(failures.size() + " VOD(s) failed on " + date + ":\n  " + String.join("\n  ", failures));
        }
        return RepeatStatus.FINISHED;
    }

    private static String reason(StepExecution last) {
        return last == null ? "did not run" : FailureCause.of(last);
    }

    /** Some VODs of the date failed; the message names them. */
    public static class VodsFailedException extends RuntimeException {
        public VodsFailedException(String message) {
            super(message);
        }
    }
}
