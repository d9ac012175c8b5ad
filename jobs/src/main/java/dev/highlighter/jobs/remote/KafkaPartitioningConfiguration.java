package dev.highlighter.jobs.remote;

import dev.highlighter.jobs.launch.Heartbeats;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.kafka.dsl.Kafka;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * {@code highlighter.partitioning=kafka}, the manager's side: each stage's partition requests go to
 * one topic, keyed by step execution, stamped with this application's version. Workers are
 * {@link KafkaWorkerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "highlighter.partitioning", havingValue = "kafka")
@EnableIntegration
@EnableConfigurationProperties(KafkaPartitioningProperties.class)
public class KafkaPartitioningConfiguration {

    @Bean
    AppVersion appVersion(@Value("${highlighter.version:}") String configured) {
        return AppVersion.of(configured);
    }

    @Bean
    KafkaAdmin partitionsAdmin(KafkaPartitioningProperties props) {
        return new KafkaAdmin(Map.of("bootstrap.servers", props.getBootstrapServers()));
    }

    @Bean
    NewTopic partitionRequestsTopic(KafkaPartitioningProperties props) {
        return TopicBuilder.name(props.getTopic()).partitions(props.getTopicPartitions()).replicas(props.getReplicationFactor()).build();
    }

    @Bean
    KafkaTemplate<String, String> partitionRequestsTemplate(KafkaPartitioningProperties props) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** Sent synchronously: a request that did not reach Kafka fails the manager step at once. */
    @Bean
    IntegrationFlow partitionRequestsToKafka(DirectChannel partitionRequests, KafkaTemplate<String, String> partitionRequestsTemplate,
                                             KafkaPartitioningProperties props, AppVersion version) {
        return IntegrationFlow.from(partitionRequests)
                .enrichHeaders(h -> h.headerFunction(KafkaHeaders.KEY, m -> PartitionRequests.key((StepExecutionRequest) m.getPayload()))
                        .header(PartitionRequests.VERSION_HEADER, version.value()))
                .<StepExecutionRequest, String>transform(StepExecutionRequest::getStepName)
                .handle(Kafka.outboundChannelAdapter(partitionRequestsTemplate).topic(props.getTopic()).sync(true))
                .get();
    }

    @Bean
    RemotePartitioning remotePartitioning(JobRepository repository, DirectChannel partitionRequests, KafkaPartitioningProperties props,
                                          Heartbeats heartbeats) {
        return new RemotePartitioning(repository, partitionRequests, props, heartbeats);
    }
}
