package dev.highlighter.jobs.highlights;

import dev.highlighter.core.VodRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per VOD of the stage, keyed by the VOD id so that a partition's name (and so its
 * restart state) is the same in every run of the date. A later stage only gets the VODs whose
 * earlier stages completed: a VOD that failed its chat step is not scored, the others go on.
 */
public class VodPartitioner implements Partitioner {

    public static final String VOD_ID = "vodId";
    public static final String CHANNEL = "channel";
    public static final String DATE = "date";
    public static final String CHAT_PATH = "chatPath";
    public static final String VIDEO_PATH = "videoPath";

    private final List<VodRef> vods;
    private final VodStage stage;
    private final JobRepository repository;
    private final JobInstance jobInstance;

    public VodPartitioner(List<VodRef> vods, VodStage stage, JobRepository repository, JobInstance jobInstance) {
        this.vods = vods;
        this.stage = stage;
        this.repository = repository;
        this.jobInstance = jobInstance;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (VodRef vod : vods) {
            if (!stage.takes(vod) || !stage.requires(vod).stream().allMatch(before -> completed(before, vod.vodId()))) {
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
        return partitions;
    }

    private boolean completed(VodStage before, String vodId) {
        StepExecution last = repository.getLastStepExecution(jobInstance, before.partition(vodId));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }
}
