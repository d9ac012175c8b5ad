package dev.highlighter.app.cli;

import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.jobs.launch.HeapWatch;
import dev.highlighter.jobs.remote.AppVersion;
import dev.highlighter.jobs.remote.KafkaPartitioningProperties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/**
 * A remote-partitioning worker: takes the per-VOD partitions that Kafka-mode managers send, until
 * stopped. On SIGTERM its running partitions stop at their next chunk and end STOPPED.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs a worker for highlighter.partitioning=kafka: listens on the partition-request topic",
                "(highlighter.kafka.bootstrap-servers, highlighter.kafka.topic) and runs highlighter.workers partitions at once.",
                "It reaches HDFS, HBase and the job repository like the manager: same site files and datasource."})
public class WorkerCommand implements Callable<Integer> {

    /** What the launcher sets for this command before the application starts. */
    public static final java.util.Map<String, Object> PROPERTIES = java.util.Map.of(
            "highlighter.partitioning", "kafka", "highlighter.kafka.worker", "true");

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    // providers: picocli builds every command up front, and these beans exist in Kafka mode only
    @Autowired
    ObjectProvider<KafkaPartitioningProperties> kafkaSettings;

    @Autowired
    HighlighterProperties props;

    @Autowired
    ObjectProvider<AppVersion> appVersion;

    @Override
    public Integer call() throws Exception {
        KafkaPartitioningProperties kafka = kafkaSettings.getObject();
        AppVersion version = appVersion.getObject();
        log.info("Worker {} listening on topic {} at {} (group {}), {} partitions at once", version.value(), kafka.getTopic(),
                kafka.getBootstrapServers(), kafka.getGroupId(), props.workers());
        HeapWatch.reset();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "worker-stop"));
        stopped.await();
        // what a worker's partitions kept, over its whole life: the figure to size its heap by
        log.info("Peak live heap of this worker: {}", HeapWatch.describe());
        return 0;
    }
}
