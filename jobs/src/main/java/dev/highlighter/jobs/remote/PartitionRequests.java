package dev.highlighter.jobs.remote;

import java.nio.charset.StandardCharsets;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * How a {@link StepExecutionRequest} travels: the Kafka key is the step execution id (so requests
 * spread over the topic's partitions instead of queueing in one), the value is the worker step's
 * name, and a header carries the sender's application version.
 */
public final class PartitionRequests {

    public static final String VERSION_HEADER = "highlighter_version";

    private PartitionRequests() {
    }

    public static String key(StepExecutionRequest request) {
        return Long.toString(request.getStepExecutionId());
    }

    /** Rebuilds the request from a received record; null when the key is not a step execution id. */
    public static StepExecutionRequest request(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        try {
            return new StepExecutionRequest(text(message.getPayload()), Long.parseLong(text(key)));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    public static String version(Message<?> message) {
        Object version = message.getHeaders().get(VERSION_HEADER);
        if (version == null) {
            return null;
        }
        String text = text(version);
        // raw bytes when the header mapper did not decode it: Spring's JSON header mapper quotes strings
        return version instanceof byte[] && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
