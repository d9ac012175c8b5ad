package dev.highlighter.jobs.highlights;

import java.util.Set;
import java.util.function.Predicate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Splits a stage into its VOD partitions from the run's discovered list. Made per split, from the
 * manager's own execution, so one job definition serves concurrent runs of different dates
 * without step scope. A partition that completed in an earlier run of the date is not run again.
 */
class VodStageSplitter implements StepExecutionSplitter {

    private final VodStage stage;
    private final JobRepository repository;
    private final Predicate<JobExecution> enabled;

    /** @param enabled whether this run has the stage at all (reels can be turned off per run) */
    VodStageSplitter(VodStage stage, JobRepository repository, Predicate<JobExecution> enabled) {
        this.stage = stage;
        this.repository = repository;
        this.enabled = enabled;
    }

    @Override
    public String getStepName() {
        return stage.worker();
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
        JobExecution run = manager.getJobExecution();
        if (!enabled.test(run)) {
            return Set.of();
        }
        VodPartitioner partitioner = new VodPartitioner(DiscoveredVods.get(run.getExecutionContext()), stage, repository,
                run.getJobInstance());
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(repository, stage.worker(), partitioner);
        splitter.setAllowStartIfComplete(false);
        return splitter.split(manager, gridSize);
    }
}
