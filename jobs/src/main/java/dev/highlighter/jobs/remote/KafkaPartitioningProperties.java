package dev.highlighter.jobs.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code highlighter.partitioning=kafka}: where the partition requests go, how long the
 * manager waits for them, and how a worker consumes them.
 */
@ConfigurationProperties("highlighter.kafka")
public class KafkaPartitioningProperties {

    private String bootstrapServers = "localhost:9092";
    private String topic = "highlighter.partitions";
    /** Kafka partitions of the topic: the most worker slots that can take requests at once. */
    private int topicPartitions = 24;
    private short replicationFactor = 1;
    private String groupId = "highlighter-workers";
    /** Whether this process consumes requests ({@code ./highlighter worker} sets it). */
    private boolean worker;
    /** How often the manager reads the job repository for its partitions' outcome. */
    private Duration pollInterval = Duration.ofSeconds(2);
    /** How long a manager step waits for all its partitions before it fails. */
    private Duration timeout = Duration.ofHours(12);
    /**
     * The worker's max.poll.interval.ms. A partition runs on the consumer thread that took it, and
     * the offset is committed when it ends, so this must exceed the longest partition; a request
     * redelivered anyway (a rebalance) finds its partition running or done and is dropped.
     */
    private Duration maxPollInterval = Duration.ofHours(6);

    public String getBootstrapServers() { return bootstrapServers; }
    public void setBootstrapServers(String v) { bootstrapServers = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v; }
    public int getTopicPartitions() { return topicPartitions; }
    public void setTopicPartitions(int v) { topicPartitions = v; }
    public short getReplicationFactor() { return replicationFactor; }
    public void setReplicationFactor(short v) { replicationFactor = v; }
    public String getGroupId() { return groupId; }
    public void setGroupId(String v) { groupId = v; }
    public boolean isWorker() { return worker; }
    public void setWorker(boolean v) { worker = v; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration v) { pollInterval = v; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration v) { timeout = v; }
    public Duration getMaxPollInterval() { return maxPollInterval; }
    public void setMaxPollInterval(Duration v) { maxPollInterval = v; }
}
