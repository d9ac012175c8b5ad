package dev.highlighter.jobs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.JobsTestApplication;
import dev.highlighter.jobs.MiniClusterStorage;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.Heartbeats;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Kafka mode in one JVM: the manager and a worker (2 consumer slots) on spring-kafka-test's
 * in-process KRaft broker, the mini clusters and an H2 repository. The pitfalls of remote
 * partitioning, each on the real parts: keys, repeated deliveries, versions, dead workers.
 */
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.url=jdbc:h2:mem:highlighter-kafka-test;DB_CLOSE_DELAY=-1",
        "spring.cloud.task.name=highlighter-kafka-test",
        "highlighter.partitioning=kafka",
        "highlighter.kafka.worker=true",
        "highlighter.kafka.topic=test.partitions",
        "highlighter.kafka.topic-partitions=6",
        "highlighter.kafka.poll-interval=PT0.3S",
        "highlighter.version=test-1",
        "highlighter.workers=2"})
@EmbeddedKafka(partitions = 6, topics = "test.partitions", bootstrapServersProperty = "highlighter.kafka.bootstrap-servers")
class KafkaPartitioningTest {

    static final LocalDate DATE = LocalDate.of(2024, 7, 1);
    static final List<String> VODS = List.of("kafka-a", "kafka-b", "kafka-c", "kafka-d");

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;
    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    KafkaPartitioningProperties kafka;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    DataSource dataSource;

    @Test
    void partitionsRunOnWorkersKeyedByStepExecutionAndARepeatedRequestIsANoOp() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        for (int i = 0; i < VODS.size(); i++) {
            hdfs.write("kchan", DATE, VODS.get(i) + ".chat.jsonl", JobTestSupport.chat(10 + i, List.of(100 + 50 * i, 400)));
        }
        JobExecution run = runner.run(HighlightsJobConfiguration.JOB, DATE, false);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (String vod : VODS) {
            assertThat(hdfs.rows(HBaseSchema.HIGHLIGHTS, vod)).as(vod).isPositive();
        }

        // every request is keyed by its step execution, and they spread over the topic's partitions
        List<ConsumerRecord<String, String>> requests = allRequests();
        Map<Long, StepExecution> partitions = new java.util.HashMap<>();
        for (StepExecution step : repository.getJobExecution(run.getId()).getStepExecutions()) {
            if (step.getStepName().contains(".vod:")) {
                partitions.put(step.getId(), step);
            }
        }
        assertThat(partitions).hasSize(VODS.size() * 3); // chat, inference, segments: no video
        List<ConsumerRecord<String, String>> ofThisRun = requests.stream()
                .filter(r -> partitions.containsKey(Long.parseLong(r.key()))).toList();
        assertThat(ofThisRun).hasSize(partitions.size());
        for (ConsumerRecord<String, String> r : ofThisRun) {
            assertThat(partitions.get(Long.parseLong(r.key())).getStepName()).startsWith(r.value() + ":");
            assertThat(new String(r.headers().lastHeader(PartitionRequests.VERSION_HEADER).value())).contains("test-1");
        }
        Set<Integer> kafkaPartitions = new HashSet<>();
        ofThisRun.forEach(r -> kafkaPartitions.add(r.partition()));
        assertThat(kafkaPartitions).hasSizeGreaterThan(1);
        // and no partition ran twice: each VOD stage has exactly one execution
        assertThat(partitions.values()).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));

        // the same request again: taken (its offset committed), and nothing runs or changes
        TreeMap<String, String> before = hdfs.snapshot(VODS);
        StepExecution chat = partitions.values().stream().filter(p -> p.getStepName().startsWith("chatFeatures.vod:")).findFirst().orElseThrow();
        StepExecution chatBefore = repository.getStepExecution(chat.getId());
        RecordMetadata again = send(Long.toString(chat.getId()), "chatFeatures.vod", "test-1");
        awaitCommitted(again);
        StepExecution chatAfter = repository.getStepExecution(chat.getId());
        assertThat(chatAfter.getVersion()).isEqualTo(chatBefore.getVersion());
        assertThat(chatAfter.getReadCount()).isEqualTo(chatBefore.getReadCount());
        assertThat(chatAfter.getLastUpdated()).isEqualTo(chatBefore.getLastUpdated());
        assertThat(hdfs.snapshot(VODS)).isEqualTo(before);
    }

    @Test
    void aRequestFromAnotherVersionIsRefusedAndOneFromThisVersionRuns() throws Exception {
        StepExecution waiting = waitingPartition("version-check");
        RecordMetadata refused = send(Long.toString(waiting.getId()), "noSuchStep.vod", "test-0");
        awaitCommitted(refused);
        assertThat(repository.getStepExecution(waiting.getId()).getStatus()).isEqualTo(BatchStatus.STARTING);
        // the gate lets the right version through to Batch's handler, which then finds no such step
        PartitionRequestGate gate = new PartitionRequestGate(repository, new AppVersion("test-1"), heartbeats);
        assertThat(gate.accept(message(waiting.getId(), "x", "test-1"))).isTrue();
        assertThat(gate.accept(message(waiting.getId(), "x", "test-2"))).isFalse();
        assertThat(gate.accept(message(waiting.getId(), "x", null))).isFalse();
    }

    @Test
    void aPartitionWhoseWorkerStoppedBeatingIsFailedByTheManager() {
        StepExecution partition = waitingPartition("stale-worker");
        partition.setStatus(BatchStatus.STARTED);
        repository.update(partition);
        // its worker beat last five minutes ago (stale after 60 s; on this host the rule also sees that pid's
        // process started after the heartbeat did, so it cannot be the one that wrote it)
        new Heartbeats(dataSource, Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC), Duration.ofSeconds(60))
                .begin(Heartbeats.Kind.STEP, partition.getId());
        StaleWorkerWatch watch = new StaleWorkerWatch(repository, heartbeats, "chatFeatures.vod", Duration.ofSeconds(1));
        watch.check(partition.getJobExecutionId());
        StepExecution after = repository.getStepExecution(partition.getId());
        assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(after.getExitStatus().getExitDescription()).contains("worker gone")
                .contains("pid " + ProcessHandle.current().pid()).contains("a restart re-runs this partition");

        // a partition with a fresh heartbeat is left alone
        StepExecution alive = waitingPartition("live-worker");
        alive.setStatus(BatchStatus.STARTED);
        repository.update(alive);
        heartbeats.begin(Heartbeats.Kind.STEP, alive.getId());
        watch.check(alive.getJobExecutionId());
        assertThat(repository.getStepExecution(alive.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    /** A partition that a manager created and no worker has taken yet, in a job instance of its own. */
    private StepExecution waitingPartition(String name) {
        JobParameters params = new JobParametersBuilder().addString("case", name).toJobParameters();
        JobInstance instance = repository.createJobInstance("kafka-test-" + name, params);
        JobExecution execution = repository.createJobExecution(instance, params, new org.springframework.batch.infrastructure.item.ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        return repository.createStepExecution("chatFeatures.vod:" + name, execution);
    }

    private RecordMetadata send(String key, String value, String version) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(kafka.getTopic(), key, value);
        if (version != null) {
            // the header as Spring's JSON header mapper writes a String
            record.headers().add(PartitionRequests.VERSION_HEADER, ("\"" + version + "\"").getBytes());
        }
        return template.send(record).get().getRecordMetadata();
    }

    private static org.springframework.messaging.Message<String> message(long id, String step, String version) {
        var builder = org.springframework.messaging.support.MessageBuilder.withPayload(step)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_KEY, Long.toString(id));
        if (version != null) {
            builder.setHeader(PartitionRequests.VERSION_HEADER, version);
        }
        return builder.build();
    }

    /** Waits until the workers' group has committed past this record: it was taken and handled. */
    private void awaitCommitted(RecordMetadata sent) throws Exception {
        TopicPartition tp = new TopicPartition(sent.topic(), sent.partition());
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka.getBootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var offsets = admin.listConsumerGroupOffsets(kafka.getGroupId()).partitionsToOffsetAndMetadata().get();
                if (offsets.get(tp) != null && offsets.get(tp).offset() > sent.offset()) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the workers did not commit " + tp + "@" + sent.offset() + " within 30 s");
    }

    private List<ConsumerRecord<String, String>> allRequests() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(kafka.getTopic()));
            List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && empty < 3) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (polled.isEmpty() && !all.isEmpty()) {
                    empty++;
                }
                polled.forEach(all::add);
            }
            return all;
        }
    }
}
