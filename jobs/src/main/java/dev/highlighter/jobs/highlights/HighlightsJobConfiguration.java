package dev.highlighter.jobs.highlights;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.VodRef;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.writers.VodStatusWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly {@code highlights} job for a logical date, top to bottom as in DESIGN.md:
 * <pre>
 * awaitInputs (sensor; SKIPPED ends the run) -> discoverVods -> chatFeatures (per VOD with chat)
 *   -> mediaFeatures (per VOD with video) -> inference (per VOD) -> segments (per VOD)
 *   -> reel (per VOD with usable video, unless turned off) -> summary
 * </pre>
 * Each per-VOD stage is a partitioned step with one partition per VOD. A VOD that fails a stage
 * fails only its own partition and skips its later stages; the summary then fails the job, and a
 * restart re-runs only the partitions that did not complete.
 */
@Configuration(proxyBeanMethods = false)
public class HighlightsJobConfiguration {

    public static final String JOB = "highlights";
    public static final String CHAT_WORKER = "chatFeatures.vod";
    public static final String MEDIA_WORKER = "mediaFeatures.vod";
    public static final String INFERENCE_WORKER = "inference.vod";
    public static final String SEGMENTS_WORKER = "segments.vod";
    public static final String REEL_WORKER = "reel.vod";

    /** The worker steps a VOD goes through, in order: its signals, then inference and segments. */
    public static List<String> stagesOf(VodRef vod) {
        List<String> stages = new java.util.ArrayList<>();
        if (vod.hasChat()) {
            stages.add(CHAT_WORKER);
        }
        if (vod.hasVideo()) {
            stages.add(MEDIA_WORKER);
        }
        stages.add(INFERENCE_WORKER);
        stages.add(SEGMENTS_WORKER);
        return stages;
    }

    /** The stages a VOD must have completed before {@code stage}. */
    static List<String> before(VodRef vod, String stage) {
        List<String> stages = stagesOf(vod);
        int i = stages.indexOf(stage);
        return i < 0 ? stages : stages.subList(0, i);
    }

    @Bean
    Job highlightsJob(JobRepository repository, Step awaitInputs, Step discoverVods, Step chatFeatures, Step mediaFeatures,
                      Step inference, Step segments, Step reel, Step summary) {
        return new JobBuilder(JOB, repository)
                .start(awaitInputs).on(AwaitInputsTasklet.SKIPPED).end(AwaitInputsTasklet.SKIPPED)
                .from(awaitInputs).on("*").to(discoverVods)
                .next(chatFeatures)
                .next(mediaFeatures)
                .next(inference)
                .next(segments)
                .next(reel)
                .next(summary)
                .end()
                .build();
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

    @Bean
    Step discoverVods(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                      DiscoverVodsTasklet discoverVodsTasklet) {
        return new StepBuilder("discoverVods", repository).tasklet(discoverVodsTasklet, tm).allowStartIfComplete(true).build();
    }

    @Bean
    Step chatFeatures(JobRepository repository, @Qualifier("chatFeaturesVod") Step worker,
                      @Qualifier("chatPartitioner") Partitioner partitioner, HighlighterProperties props) {
        return perVod(repository, "chatFeatures", worker, partitioner, props);
    }

    @Bean
    Step mediaFeatures(JobRepository repository, @Qualifier("mediaFeaturesVod") Step worker,
                       @Qualifier("mediaPartitioner") Partitioner partitioner, HighlighterProperties props) {
        return perVod(repository, "mediaFeatures", worker, partitioner, props);
    }

    @Bean
    Step inference(JobRepository repository, @Qualifier("inferenceVod") Step worker,
                   @Qualifier("inferencePartitioner") Partitioner partitioner, HighlighterProperties props) {
        return perVod(repository, "inference", worker, partitioner, props);
    }

    @Bean
    Step segments(JobRepository repository, @Qualifier("segmentsVod") Step worker,
                  @Qualifier("segmentsPartitioner") Partitioner partitioner, HighlighterProperties props) {
        return perVod(repository, "segments", worker, partitioner, props);
    }

    @Bean
    Step reel(JobRepository repository, @Qualifier("reelVod") Step worker,
              @Qualifier("reelPartitioner") Partitioner partitioner, HighlighterProperties props) {
        return perVod(repository, "reel", worker, partitioner, props);
    }

    /** Reels are on by default; the job parameter reel=false (run --no-reel) or highlighter.reel.enabled=false turn them off. */
    @Bean
    @StepScope
    VodPartitioner reelPartitioner(VodCatalog catalog, JobRepository repository, HighlighterProperties props,
                                   @Value("#{jobParameters['date']}") LocalDate date,
                                   @Value("#{jobParameters['reel']}") String reelParameter,
                                   @Value("#{stepExecution}") StepExecution manager) {
        boolean enabled = props.getReel().isEnabled() && !"false".equals(reelParameter);
        return new VodPartitioner(catalog, date, repository, manager, vod -> enabled && vod.hasVideo(),
                vod -> before(vod, REEL_WORKER));
    }

    @Bean
    Step summary(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm, SummaryTasklet summaryTasklet) {
        return new StepBuilder("summary", repository).tasklet(summaryTasklet, tm).build();
    }

    /**
     * The manager re-runs on every restart so that VODs that failed an earlier stage get their
     * later stages; its splitter still skips each VOD partition that already completed.
     */
    private static Step perVod(JobRepository repository, String name, Step worker, Partitioner partitioner, HighlighterProperties props) {
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(repository, worker.getName(), partitioner);
        splitter.setAllowStartIfComplete(false);
        TaskExecutor executor = new SimpleAsyncTaskExecutor("vod-");
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .splitter(splitter)
                .step(worker)
                .gridSize(props.getGridSize())
                .taskExecutor(executor)
                .aggregator(new TolerantPartitionAggregator())
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    VodPartitioner chatPartitioner(VodCatalog catalog, JobRepository repository,
                                   @Value("#{jobParameters['date']}") LocalDate date,
                                   @Value("#{stepExecution}") StepExecution manager) {
        return new VodPartitioner(catalog, date, repository, manager, VodRef::hasChat, vod -> List.of());
    }

    @Bean
    @StepScope
    VodPartitioner mediaPartitioner(VodCatalog catalog, JobRepository repository,
                                    @Value("#{jobParameters['date']}") LocalDate date,
                                    @Value("#{stepExecution}") StepExecution manager) {
        return new VodPartitioner(catalog, date, repository, manager, VodRef::hasVideo, vod -> List.of());
    }

    @Bean
    @StepScope
    VodPartitioner inferencePartitioner(VodCatalog catalog, JobRepository repository,
                                        @Value("#{jobParameters['date']}") LocalDate date,
                                        @Value("#{stepExecution}") StepExecution manager) {
        return new VodPartitioner(catalog, date, repository, manager, vod -> true, vod -> before(vod, INFERENCE_WORKER));
    }

    @Bean
    @StepScope
    VodPartitioner segmentsPartitioner(VodCatalog catalog, JobRepository repository,
                                       @Value("#{jobParameters['date']}") LocalDate date,
                                       @Value("#{stepExecution}") StepExecution manager) {
        return new VodPartitioner(catalog, date, repository, manager, vod -> true, vod -> before(vod, SEGMENTS_WORKER));
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
    SummaryTasklet summaryTasklet(VodCatalog catalog, VodStatusWriter vods, JobRepository repository,
                                  @Value("#{jobParameters['date']}") LocalDate date) {
        return new SummaryTasklet(catalog, vods, repository, date);
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
