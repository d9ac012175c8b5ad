package dev.highlighter.jobs.highlights;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.remote.RemotePartitioning;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.writers.VodStatusWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly {@code highlights} job for a logical date, top to bottom as in DESIGN.md:
 * <pre>
 * awaitInputs (sensor; SKIPPED ends the run) -> discoverVods -> chatFeatures (per VOD with chat)
 *   -> mediaFeatures (per VOD with video) -> inference (per VOD) -> segments (per VOD)
 *   -> reel (per VOD with usable video, unless turned off) -> summary
 * </pre>
 * The per-VOD stages are declared once, in {@link VodStage}; each is a partitioned step with one
 * partition per VOD, run on a bounded pool of {@code highlighter.workers} threads whatever the
 * number of VODs. A VOD that fails a stage fails only its own partition and skips its later
 * stages; the summary then fails the job, and a restart re-runs only what did not complete.
 * With {@code highlighter.partitioning=kafka} the partitions run on worker processes instead
 * ({@link RemotePartitioning}).
 */
@Configuration(proxyBeanMethods = false)
public class HighlightsJobConfiguration {

    public static final String JOB = "highlights";

    @Bean
    Job highlightsJob(JobRepository repository, Step awaitInputs, Step discoverVods, Step summary, List<Step> steps,
                      @Qualifier("vodWorkers") TaskExecutor vodWorkers, HighlighterProperties props,
                      ObjectProvider<RemotePartitioning> remote) {
        FlowBuilder<FlowJobBuilder> flow = new JobBuilder(JOB, repository)
                .start(awaitInputs).on(AwaitInputsTasklet.SKIPPED).end(AwaitInputsTasklet.SKIPPED)
                .from(awaitInputs).on("*").to(discoverVods);
        for (VodStage stage : VodStage.values()) {
            VodStageSplitter splitter = new VodStageSplitter(stage, repository, run -> enabled(stage, run, props));
            RemotePartitioning kafka = remote.getIfAvailable();
            flow = flow.next(kafka == null ? perVod(repository, stage, worker(steps, stage), splitter, vodWorkers)
                    : kafka.manager(stage.step(), splitter, new TolerantPartitionAggregator()));
        }
        return flow.next(summary).end().build();
    }

    @Bean
    Step awaitInputs(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                     AwaitInputsTasklet awaitInputsTasklet) {
        return new StepBuilder("awaitInputs", repository).tasklet(awaitInputsTasklet, tm).build();
    }

    /** Sensor settings come as job parameters from the schedule; a manual run has none and does not wait. */
    @Bean
    @StepScope
    AwaitInputsTasklet awaitInputsTasklet(VodCatalog catalog, @Value("#{jobParameters['date']}") LocalDate date,
                                          @Value("#{jobParameters['sensor.timeout']}") String timeout,
                                          @Value("#{jobParameters['sensor.poke']}") String poke,
                                          @Value("#{jobParameters['sensor.softFail']}") String softFail) {
        AwaitInputsTasklet.SensorSpec spec = timeout == null ? AwaitInputsTasklet.SensorSpec.none()
                : new AwaitInputsTasklet.SensorSpec(poke == null ? java.time.Duration.ofMinutes(1) : java.time.Duration.parse(poke),
                java.time.Duration.parse(timeout), Boolean.parseBoolean(softFail));
        return new AwaitInputsTasklet(catalog, date, spec, java.time.Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Runs again on a restart, so a VOD that arrived after a failed run is picked up. */
    @Bean
    Step discoverVods(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                      DiscoverVodsTasklet discoverVodsTasklet) {
        return new StepBuilder("discoverVods", repository).tasklet(discoverVodsTasklet, tm).allowStartIfComplete(true).build();
    }

    @Bean
    Step summary(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm, SummaryTasklet summaryTasklet) {
        return new StepBuilder("summary", repository).tasklet(summaryTasklet, tm).build();
    }

    /**
     * The partitions of every stage share one bounded pool: 10 or 10,000 VODs take the same
     * threads (and job-repository connections), just longer.
     */
    @Bean
    ThreadPoolTaskExecutor vodWorkers(HighlighterProperties props) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(props.workers());
        pool.setMaxPoolSize(props.workers());
        pool.setThreadNamePrefix("vod-");
        pool.setWaitForTasksToCompleteOnShutdown(false);
        return pool;
    }

    /**
     * The manager re-runs on every restart so that VODs that failed an earlier stage get their
     * later stages; its splitter still skips each VOD partition that already completed.
     */
    private static Step perVod(JobRepository repository, VodStage stage, Step worker, VodStageSplitter splitter, TaskExecutor executor) {
        return new StepBuilder(stage.step(), repository)
                .partitioner(worker)
                .splitter(splitter)
                .taskExecutor(executor)
                .aggregator(new TolerantPartitionAggregator())
                .allowStartIfComplete(true)
                .build();
    }

    /** Reels are on by default; the job parameter reel=false (run --no-reel) or highlighter.reel.enabled=false turn them off. */
    private static boolean enabled(VodStage stage, org.springframework.batch.core.job.JobExecution run, HighlighterProperties props) {
        return stage != VodStage.REEL
                || props.reel().enabled() && !"false".equals(run.getJobParameters().getString("reel"));
    }

    private static Step worker(List<Step> steps, VodStage stage) {
        return steps.stream().filter(s -> s.getName().equals(stage.worker())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no worker step named " + stage.worker()));
    }

    @Bean
    @StepScope
    DiscoverVodsTasklet discoverVodsTasklet(VodCatalog catalog, HdfsLayout layout, VodStatusWriter vods,
                                            @Value("#{jobParameters['date']}") LocalDate date,
                                            dev.highlighter.jobs.models.ChampionModels champions) {
        return new DiscoverVodsTasklet(catalog, layout, vods, date, champions);
    }

    @Bean
    @StepScope
    SummaryTasklet summaryTasklet(VodStatusWriter vods, JobRepository repository, @Value("#{jobParameters['date']}") LocalDate date) {
        return new SummaryTasklet(vods, repository, date);
    }

    @Bean
    VodCatalog vodCatalog(FileSystem fs, HdfsLayout layout) {
        return new VodCatalog(fs, layout);
    }

    @Bean
    @Lazy
    VodStatusWriter vodStatusWriter(@Lazy Connection connection) {
        return new VodStatusWriter(connection);
    }
}
