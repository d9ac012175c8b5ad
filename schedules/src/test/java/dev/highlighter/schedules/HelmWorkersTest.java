package dev.highlighter.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart in both partitioning modes: local (the default: CronJobs run everything, no workers)
 * and Kafka (workers.enabled: a worker Deployment, and CronJobs that run the managers only).
 */
class HelmWorkersTest {

    static final String[] KAFKA = {"--set", "workers.enabled=true", "--set", "kafka.bootstrapServers=kafka-0.kafka:9092",
            "--set", "workers.replicas=3", "--set", "workers.terminationGracePeriodSeconds=300"};

    String helm;

    @BeforeEach
    void findHelm() {
        helm = RequiredTool.HELM.require();
    }

    @Test
    void lintsStrictlyInBothModes() throws Exception {
        assertThat(helm(0, "lint", "--strict", HelmChartTest.CHART.toString()).out()).contains("0 chart(s) failed");
        assertThat(helm(0, concat(new String[] {"lint", "--strict", HelmChartTest.CHART.toString()}, KAFKA)).out())
                .contains("0 chart(s) failed");
    }

    @Test
    void localModeHasNoWorkersAndNoKafka() throws Exception {
        List<JsonNode> docs = render();
        assertThat(docs).noneMatch(d -> d.path("kind").asString().equals("Deployment")
                && d.path("metadata").path("name").asString().endsWith("-worker"));
        assertThat(docs.toString()).doesNotContain("HIGHLIGHTER_PARTITIONING").doesNotContain("KAFKA");
    }

    @Test
    void kafkaModeRendersAWorkerDeploymentAndManagerOnlyCronJobs() throws Exception {
        List<JsonNode> docs = render(KAFKA);
        JsonNode worker = docs.stream().filter(d -> d.path("kind").asString().equals("Deployment")
                && d.path("metadata").path("name").asString().endsWith("-worker")).findFirst().orElseThrow();
        assertThat(worker.path("spec").path("replicas").asInt()).isEqualTo(3);
        JsonNode pod = worker.path("spec").path("template").path("spec");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(300);
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("args").toString()).isEqualTo("[\"worker\"]");
        assertThat(container.path("resources").path("limits").path("memory").asString()).isNotEmpty();
        assertThat(env(container, "HIGHLIGHTER_KAFKA_BOOTSTRAPSERVERS")).isEqualTo("kafka-0.kafka:9092");
        assertThat(env(container, "HIGHLIGHTER_PARTITIONING")).isEqualTo("kafka");
        // the worker's own stop wait ends before Kubernetes kills the pod
        assertThat(env(container, "HIGHLIGHTER_HEARTBEAT_SHUTDOWNGRACE")).isEqualTo("PT295S");
        assertThat(container.path("env").toString()).contains("HADOOP_CONF_DIR", "HBASE_CONF_DIR", "secretKeyRef");

        List<JsonNode> cronJobs = docs.stream().filter(d -> d.path("kind").asString().equals("CronJob")).toList();
        assertThat(cronJobs).isNotEmpty();
        for (JsonNode cj : cronJobs) {
            JsonNode c = cj.path("spec").path("jobTemplate").path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(c.path("args").get(0).asString()).isEqualTo("trigger");
            assertThat(env(c, "HIGHLIGHTER_PARTITIONING")).isEqualTo("kafka");
            assertThat(env(c, "HIGHLIGHTER_KAFKA_BOOTSTRAPSERVERS")).isEqualTo("kafka-0.kafka:9092");
        }
    }

    @Test
    void workersWithoutAKafkaAreABadValueNamedAsSuch() throws Exception {
        Result r = helm(1, "template", "x", HelmChartTest.CHART.toString(), "--set", "workers.enabled=true");
        assertThat(r.err()).contains("workers.enabled needs kafka.bootstrapServers");
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asString().equals(name)) {
                return e.path("value").asString();
            }
        }
        throw new AssertionError(name + " is not in " + container.path("env"));
    }

    private List<JsonNode> render(String... set) throws Exception {
        String out = helm(0, concat(new String[] {"template", "nightly", HelmChartTest.CHART.toString()}, set)).out();
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private record Result(String out, String err) {
    }

    private Result helm(int expectedExit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("helm %s: %s", String.join(" ", args), err).isEqualTo(expectedExit);
        return new Result(out, err);
    }
}
