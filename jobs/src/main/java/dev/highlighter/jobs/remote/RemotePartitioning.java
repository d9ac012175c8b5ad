package dev.highlighter.jobs.remote;

import dev.highlighter.jobs.launch.Heartbeats;
import java.util.Map;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * Builds a stage's manager step for Kafka: Spring Batch's own remote partitioning manager, which
 * sends one request per partition and polls the job repository for their outcome (no reply topic),
 * plus a watch that fails partitions whose worker stopped beating.
 */
public class RemotePartitioning {

    private final JobRepository repository;
    private final MessageChannel requests;
    private final KafkaPartitioningProperties props;
    private final Heartbeats heartbeats;

    RemotePartitioning(JobRepository repository, MessageChannel requests, KafkaPartitioningProperties props, Heartbeats heartbeats) {
        this.repository = repository;
        this.requests = requests;
        this.props = props;
        this.heartbeats = heartbeats;
    }

    public Step manager(String name, StepExecutionSplitter splitter, StepExecutionAggregator aggregator) {
        return new RemotePartitioningManagerStepBuilder(name, repository)
                // names the worker step in the requests; the splitter below makes the partitions
                .partitioner(splitter.getStepName(), gridSize -> Map.of())
                .splitter(splitter)
                .outputChannel(requests)
                .pollInterval(props.getPollInterval().toMillis())
                .timeout(props.getTimeout().toMillis())
                .aggregator(aggregator)
                .listener(new StaleWorkerWatch(repository, heartbeats, splitter.getStepName(), props.getPollInterval()))
                .allowStartIfComplete(true)
                .build();
    }
}
