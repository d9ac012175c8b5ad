package dev.highlighter.jobs.remote;

import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.launch.Heartbeats;
import dev.highlighter.jobs.launch.StepHeartbeat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.kafka.dsl.Kafka;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.messaging.Message;

/**
 * A worker ({@code ./highlighter worker}): {@code highlighter.workers} consumers of the request
 * topic, each running one partition at a time with Spring Batch's own request handler (the one
 * {@code RemotePartitioningWorkerStepBuilder} wires; the worker steps themselves stay the plain
 * ones that local partitioning runs).
 * <p>
 * Long partitions: a request is run on the consumer thread that polled it, one record per poll,
 * and its offset is committed when the partition ends; max.poll.interval.ms is set above the
 * longest partition ({@code highlighter.kafka.max-poll-interval}). Handing the work to another
 * pool and committing at once was the alternative, but then a worker killed before it started a
 * request loses it (committed, never run) and queued requests pile up in one worker's memory; here
 * an unstarted request goes back to another worker. Should a rebalance redeliver a request anyway,
 * the {@link PartitionRequestGate} finds its partition running or done and drops it, so it never
 * runs twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${highlighter.partitioning:local}' == 'kafka' and '${highlighter.kafka.worker:false}' == 'true'")
public class KafkaWorkerConfiguration {

    @Bean
    PartitionRequestGate partitionRequestGate(JobRepository repository, AppVersion version, Heartbeats heartbeats) {
        return new PartitionRequestGate(repository, version, heartbeats);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> partitionRequestsContainer(KafkaPartitioningProperties kafka,
                                                                                  HighlighterProperties props,
                                                                                  StepHeartbeat stepHeartbeat, PartitionRequestGate gate) {
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, kafka.getGroupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, kafka.getMaxPollInterval().toMillis()),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        ContainerProperties container = new ContainerProperties(kafka.getTopic());
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        ConcurrentMessageListenerContainer<String, String> listeners = new ConcurrentMessageListenerContainer<>(consumers, container);
        listeners.setConcurrency(props.workers());
        listeners.setBeanName("partition-requests");
        // on SIGTERM: stop taking requests first, then (StepHeartbeat) stop the running partitions at their next chunk
        stepHeartbeat.beforeStopping(() -> {
            gate.stop();
            listeners.pause();
        });
        return listeners;
    }

    @Bean
    IntegrationFlow partitionRequestsFromKafka(ConcurrentMessageListenerContainer<String, String> partitionRequestsContainer,
                                               PartitionRequestGate gate, JobRepository repository, List<Step> steps) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(new NamedSteps(steps));
        return IntegrationFlow.from(Kafka.messageDrivenChannelAdapter(partitionRequestsContainer))
                .filter(Message.class, gate::accept, f -> f.discardChannel("nullChannel")) // the gate logs why
                .transform(Message.class, PartitionRequests::request)
                .handle(handler, "handle")
                .nullChannel();
    }
}
