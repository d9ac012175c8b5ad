package dev.highlighter.jobs.models;

import dev.highlighter.core.FeedbackEvent;
import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.steps.QuarantineSkipListener;
import dev.highlighter.jobs.steps.VodProgressLogger;
import dev.highlighter.jobs.highlights.WindowFlushWriter;
import dev.highlighter.processors.feedback.LabelAggregator;
import dev.highlighter.readers.MalformedRowException;
import dev.highlighter.readers.feedback.FeedbackEventReader;
import dev.highlighter.writers.QuarantineFile;
import dev.highlighter.writers.WindowFeaturesWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
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
 * The {@code feedback} job for a date: implicit events (views, likes, shares, skips, viewers'
 * clips) to per-window labels, then explicit labels, which win, into HBase {@code windows:l}.
 * <pre>
 * feedbackEvents (feedback/D/*.jsonl and the clips folder, optional; bad lines quarantined) -> explicitLabels (labels.json, optional)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackJobConfiguration {

    public static final String JOB = "feedback";

    @Bean
    Job feedbackJob(JobRepository repository, Step feedbackEvents, Step explicitLabels) {
        return new JobBuilder(JOB, repository)
                .start(feedbackEvents)
                .next(explicitLabels)
                .build();
    }

    @Bean
    Step feedbackEvents(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                        FeedbackEventReader feedbackEventReader, WindowFlushWriter<FeedbackEvent> labelWriter,
                        QuarantineSkipListener<FeedbackEvent, FeedbackEvent> feedbackQuarantine) {
        return new StepBuilder("feedbackEvents", repository)
                .<FeedbackEvent, FeedbackEvent>chunk(1000)
                .transactionManager(tm)
                .reader(WindowFlushWriter.signalling(feedbackEventReader, labelWriter))
                .writer(labelWriter)
                .faultTolerant()
                .skip(MalformedRowException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(feedbackQuarantine)
                .listener(new VodProgressLogger())
                .listener(feedbackQuarantine)
                .listener(labelWriter)
                .build();
    }

    @Bean
    @StepScope
    FeedbackEventReader feedbackEventReader(FileSystem fs, HdfsLayout layout, @Value("#{jobParameters['date']}") LocalDate date,
                                            @Value("#{jobParameters['clips']}") String clips) {
        // clip events may also come as a folder of their own (run feedback --clips DIR), read beside the date's events
        return new FeedbackEventReader(fs, layout.feedback(date), clips == null || clips.isBlank() ? List.of() : List.of(new Path(clips)));
    }

    @Bean
    @StepScope
    WindowFlushWriter<FeedbackEvent> labelWriter(@Lazy Connection connection, HighlighterProperties props) {
        return new WindowFlushWriter<>(new LabelAggregator(props.windowMs()), new WindowFeaturesWriter(connection, HBaseSchema.LABELS),
                new WindowFlushWriter.Outcome() {
                    @Override
                    public String problem(org.springframework.batch.core.step.StepExecution step, long items) {
                        return null; // a day without feedback is not an error
                    }

                    @Override
                    public void done(org.springframework.batch.core.step.StepExecution step, long items, long windows) {
                        step.getExecutionContext().putLong("labelledWindows", windows);
                    }
                });
    }

    @Bean
    @StepScope
    QuarantineSkipListener<FeedbackEvent, FeedbackEvent> feedbackQuarantine(FileSystem fs, HdfsLayout layout, HighlighterProperties props,
                                                                            @Value("#{jobParameters['date']}") LocalDate date) {
        return new QuarantineSkipListener<>(new QuarantineFile(fs, layout.quarantineFile(JOB, date, "events", "feedback"),
                props.quarantine().limits()));
    }

    @Bean
    Step explicitLabels(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tm,
                        ExplicitLabelsTasklet explicitLabelsTasklet) {
        return new StepBuilder("explicitLabels", repository).tasklet(explicitLabelsTasklet, tm).build();
    }

    @Bean
    @StepScope
    ExplicitLabelsTasklet explicitLabelsTasklet(FileSystem fs, @Lazy Connection connection, HighlighterProperties props,
                                                @Value("#{jobParameters['labels']}") String labels) {
        return new ExplicitLabelsTasklet(fs, labels, new WindowFeaturesWriter(connection, HBaseSchema.LABELS), props.windowMs());
    }
}
