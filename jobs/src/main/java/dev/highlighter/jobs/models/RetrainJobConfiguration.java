package dev.highlighter.jobs.models;

import dev.highlighter.core.models.ModelRegistry;
import dev.highlighter.jobs.HighlighterProperties;
import java.time.LocalDate;
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

/** The nightly {@code retrain} job: labelled windows of the lookback -> a challenger per scope -> promote each only if it wins in its scope. */
@Configuration(proxyBeanMethods = false)
public class RetrainJobConfiguration {

    public static final String JOB = "retrain";

    @Bean
    Job retrainJob(JobRepository repository, Step trainChallenger) {
        return new JobBuilder(JOB, repository).start(trainChallenger).build();
    }

    @Bean
    Step trainChallenger(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                         RetrainTasklet retrainTasklet) {
        return new StepBuilder("trainChallenger", repository).tasklet(retrainTasklet, tm).build();
    }

    @Bean
    @StepScope
    RetrainTasklet retrainTasklet(@Lazy Connection connection, ModelRegistry registry, ChampionModels champions,
                                  HighlighterProperties props, @Value("#{jobParameters['date']}") LocalDate date,
                                  @Value("#{jobParameters['lookbackDays']}") String lookback) {
        int days = lookback == null ? props.retrainLookbackDays() : Integer.parseInt(lookback);
        return new RetrainTasklet(new LabelledVods(connection, props.windowMs()), registry, champions, date, days, props.windowMs());
    }
}
