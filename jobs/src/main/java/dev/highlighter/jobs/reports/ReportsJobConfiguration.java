package dev.highlighter.jobs.reports;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.models.ModelRegistry;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code reports} job: the report of a logical date ({@code reports/{date}/}), or with the
 * identifying parameter {@code from} a roll-up over [from, date] ({@code reports/{from}_{date}/}).
 * One step that rebuilds the whole folder, so a restart or re-run replaces it and never appends.
 */
@Configuration(proxyBeanMethods = false)
public class ReportsJobConfiguration {

    public static final String JOB = "reports";

    @Bean
    Job reportsJob(JobRepository repository, Step report) {
        return new JobBuilder(JOB, repository).start(report).build();
    }

    @Bean
    Step report(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm, ReportTasklet reportTasklet) {
        return new StepBuilder("report", repository).tasklet(reportTasklet, tm).build();
    }

    @Bean
    @StepScope
    ReportTasklet reportTasklet(@Lazy Connection connection, FileSystem fs, HdfsLayout layout, VodCatalog catalog,
                                ModelRegistry registry, @Lazy JobRunner runner, JobRepository repository,
                                @Value("#{jobParameters['date']}") LocalDate date,
                                @Value("#{jobParameters['from']}") LocalDate from) {
        return new ReportTasklet(new ReportCollector(connection, fs, layout, catalog), new JobHistory(runner, repository), registry, fs, layout,
                from == null ? date : from, date);
    }
}
