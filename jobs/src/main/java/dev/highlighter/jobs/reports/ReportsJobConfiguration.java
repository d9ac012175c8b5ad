package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.readers.catalog.VodCatalog;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code reports} job: the report of a logical date ({@code reports/{date}/}), or with the
 * identifying parameter {@code from} a roll-up over [from, date] ({@code reports/{from}_{date}/}).
 * <pre>
 * channels (one partition per channel of the range, on the highlights job's bounded pool:
 *           figures + timelines -> staging) -> assemble (index.html, CSVs, whole-range charts -> rename into place)
 * </pre>
 * A restart re-runs only the channels that did not complete and then assembles again; a re-run
 * (a new instance) replaces the folder. Neither appends a line twice.
 */
@Configuration(proxyBeanMethods = false)
public class ReportsJobConfiguration {

    public static final String JOB = "reports";
    /** The manager step, its partitions ({@code reportChannel:{channel}}) and the last step. */
    public static final String CHANNELS = "channels";
    public static final String CHANNEL_WORKER = "reportChannel";
    public static final String ASSEMBLE = "assemble";

    @Bean
    Job reportsJob(JobRepository repository, Step reportChannels, Step reportAssemble) {
        return new JobBuilder(JOB, repository).start(reportChannels).next(reportAssemble).build();
    }

    @Bean
    Step reportChannels(JobRepository repository, Step reportChannel, ChannelPartitioner channelPartitioner,
                        @Qualifier("vodWorkers") TaskExecutor vodWorkers) {
        return new StepBuilder(CHANNELS, repository)
                .partitioner(CHANNEL_WORKER, channelPartitioner)
                .step(reportChannel)
                .taskExecutor(vodWorkers)
                .build();
    }

    @Bean
    Step reportChannel(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                       ChannelReportTasklet channelReportTasklet) {
        return new StepBuilder(CHANNEL_WORKER, repository).tasklet(channelReportTasklet, tm).build();
    }

    @Bean
    Step reportAssemble(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                        AssembleReportTasklet assembleReportTasklet) {
        return new StepBuilder(ASSEMBLE, repository).tasklet(assembleReportTasklet, tm).build();
    }

    @Bean
    @StepScope
    ChannelPartitioner channelPartitioner(ReportCollector reportCollector, FileSystem fs, HdfsLayout layout,
                                          @Value("#{jobParameters['date']}") LocalDate date,
                                          @Value("#{jobParameters['from']}") LocalDate from,
                                          @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long instance) {
        LocalDate first = from == null ? date : from;
        return new ChannelPartitioner(reportCollector, first, date, fs, ReportParts.staging(layout, first, date, instance));
    }

    @Bean
    ChannelReportTasklet channelReportTasklet(ReportCollector reportCollector, FileSystem fs, HdfsLayout layout, HighlighterProperties props) {
        return new ChannelReportTasklet(reportCollector, fs, layout, props.windowMs());
    }

    @Bean
    AssembleReportTasklet assembleReportTasklet(ReportCollector reportCollector, @Lazy JobRunner runner, JobRepository repository,
                                                ModelRegistry registry, FileSystem fs, HdfsLayout layout) {
        return new AssembleReportTasklet(reportCollector, new JobHistory(runner, repository), registry, fs, layout);
    }

    @Bean
    ReportCollector reportCollector(@Lazy Connection connection, FileSystem fs, HdfsLayout layout, VodCatalog catalog) {
        return new ReportCollector(connection, fs, layout, catalog);
    }
}
