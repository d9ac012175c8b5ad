package dev.highlighter.jobs.remote;

import dev.highlighter.jobs.launch.Heartbeats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;

/**
 * What a worker lets through to Spring Batch's request handler. Batch 6.0.2 runs any request it is
 * given, even for a partition that already completed; Kafka delivers at least once. So only a
 * request from the same application version, for a partition still waiting (STARTING), is run: a
 * second delivery of a running, completed, failed or stopped partition is a logged no-op.
 */
public class PartitionRequestGate {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestGate.class);

    private final JobRepository repository;
    private final AppVersion version;
    private final Heartbeats heartbeats;
    private volatile boolean stopping;

    public PartitionRequestGate(JobRepository repository, AppVersion version, Heartbeats heartbeats) {
        this.repository = repository;
        this.version = version;
        this.heartbeats = heartbeats;
    }

    /** From now on requests are not taken: they stay uncommitted and go to another worker. */
    public void stop() {
        stopping = true;
    }

    public boolean accept(Message<?> message) {
        if (stopping) {
            // thrown, not filtered: a filtered record's offset is committed and the request would be lost
            throw new IllegalStateException("This worker is shutting down; the request stays in Kafka for another worker");
        }
        StepExecutionRequest request = PartitionRequests.request(message);
        if (request == null) {
            log.error("Refusing a partition request that names no step execution: key {}, payload {}",
                    message.getHeaders().get(org.springframework.kafka.support.KafkaHeaders.RECEIVED_KEY), message.getPayload());
            return false;
        }
        String from = PartitionRequests.version(message);
        if (!version.value().equals(from)) {
            log.error("Refusing partition request for step execution {} ({}): it comes from highlighter version {}, this worker is {}."
                            + " Run the manager and the workers from the same release.",
                    request.getStepExecutionId(), request.getStepName(), from == null ? "(none)" : from, version.value());
            return false;
        }
        StepExecution partition;
        try {
            partition = repository.getStepExecution(request.getStepExecutionId());
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            partition = null; // the JDBC repository throws where the interface says null
        }
        if (partition == null) {
            log.error("Refusing partition request for step execution {} ({}): the job repository has no such execution;"
                    + " is this worker on the manager's repository?", request.getStepExecutionId(), request.getStepName());
            return false;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            String owner = partition.getStatus() == BatchStatus.STARTED
                    ? heartbeats.find(Heartbeats.Kind.STEP, partition.getId()).map(h -> ", run by " + h).orElse("") : "";
            log.info("Ignoring a repeated request for {} (step execution {}): it is already {}{}", partition.getStepName(),
                    partition.getId(), partition.getStatus(), owner);
            return false;
        }
        return true;
    }
}
