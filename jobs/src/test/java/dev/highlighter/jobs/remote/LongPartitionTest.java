package dev.highlighter.jobs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.jobs.JobsTestApplication;
import dev.highlighter.jobs.MiniClusterStorage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A partition that runs longer than max.poll.interval.ms (3 s here, 6 h by default): Kafka takes
 * its record away from the busy consumer and delivers it again to the other one. The probe saw a
 * partition run 13 times in 60 s that way; here the second delivery finds it STARTED and drops it,
 * so it runs once and completes.
 */
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class, LongPartitionTest.SlowStep.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.url=jdbc:h2:mem:highlighter-long-partition;DB_CLOSE_DELAY=-1",
        "spring.cloud.task.name=highlighter-long-partition",
        "highlighter.partitioning=kafka",
        "highlighter.kafka.worker=true",
        "highlighter.kafka.topic=long.partitions",
        "highlighter.kafka.topic-partitions=2",
        "highlighter.kafka.max-poll-interval=PT3S",
        "highlighter.version=test-1",
        "highlighter.workers=2"})
@EmbeddedKafka(partitions = 2, topics = "long.partitions", bootstrapServersProperty = "highlighter.kafka.bootstrap-servers")
class LongPartitionTest {

    static final AtomicInteger RUNS = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowStep {
        @Bean
        Step slowVod(JobRepository repository, PlatformTransactionManager transactionManager) {
            return new StepBuilder("slow.vod", repository).tasklet((contribution, chunk) -> {
                RUNS.incrementAndGet();
                Thread.sleep(12_000);
                return RepeatStatus.FINISHED;
            }, transactionManager).build();
        }
    }

    @Autowired
    JobRepository repository;
    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    KafkaPartitioningProperties kafka;

    @Test
    void aPartitionLongerThanThePollIntervalRunsOnce() throws Exception {
        JobParameters params = new JobParametersBuilder().addString("case", "long").toJobParameters();
        JobInstance instance = repository.createJobInstance("long-partition", params);
        JobExecution execution = repository.createJobExecution(instance, params, new org.springframework.batch.infrastructure.item.ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        StepExecution partition = repository.createStepExecution("slow.vod:long", execution);

        var record = new org.apache.kafka.clients.producer.ProducerRecord<>(kafka.getTopic(), Long.toString(partition.getId()), "slow.vod");
        record.headers().add(PartitionRequests.VERSION_HEADER, "\"test-1\"".getBytes());
        template.send(record).get();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (repository.getStepExecution(partition.getId()).getStatus() != BatchStatus.COMPLETED && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Thread.sleep(8_000); // room for any further delivery to run it again
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }
}
