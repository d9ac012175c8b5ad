package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodRef;
import dev.highlighter.readers.catalog.VodCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per VOD of the stage, keyed by the VOD id so that a partition's name (and so its
 * restart state) is the same in every run of the date. A later stage only gets the VODs whose
 * earlier stage completed: a VOD that failed its chat step is not scored, the others go on.
 */
public class VodPartitioner implements Partitioner {

    public static final String VOD_ID = "vodId";
    public static final String CHANNEL = "channel";
    public static final String DATE = "date";
    public static final String CHAT_PATH = "chatPath";
    public static final String VIDEO_PATH = "videoPath";

    private final VodCatalog catalog;
    private final LocalDate date;
    private final JobRepository repository;
    private final JobInstance jobInstance;
    private final Predicate<VodRef> include;
    private final Function<VodRef, List<String>> requires;

    /**
     * @param include  which VODs this stage is for (those with chat, those with video, all)
     * @param requires the worker steps a VOD must have completed before this stage
     */
    public VodPartitioner(VodCatalog catalog, LocalDate date, JobRepository repository, StepExecution managerExecution,
                          Predicate<VodRef> include, Function<VodRef, List<String>> requires) {
        this.catalog = catalog;
        this.date = date;
        this.repository = repository;
        this.jobInstance = managerExecution.getJobExecution().getJobInstance();
        this.include = include;
        this.requires = requires;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            for (VodRef vod : catalog.list(date)) {
                if (!include.test(vod) || !requires.apply(vod).stream().allMatch(step -> completed(step, vod.vodId()))) {
                    continue;
                }
                ExecutionContext context = new ExecutionContext();
                context.putString(VOD_ID, vod.vodId());
                context.putString(CHANNEL, vod.channel());
                context.putString(DATE, vod.date().toString());
                if (vod.chatPath() != null) {
                    context.putString(CHAT_PATH, vod.chatPath());
                }
                if (vod.videoPath() != null) {
                    context.putString(VIDEO_PATH, vod.videoPath());
                }
                partitions.put(vod.vodId(), context);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the VODs of " + date + ": " + e.getMessage(), e);
        }
        return partitions;
    }

    private boolean completed(String workerStep, String vodId) {
        StepExecution last = repository.getLastStepExecution(jobInstance, partitionStepName(workerStep, vodId));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /** The name Spring Batch gives a worker's execution for one VOD. */
    public static String partitionStepName(String workerStep, String vodId) {
        return workerStep + ":" + vodId;
    }
}
