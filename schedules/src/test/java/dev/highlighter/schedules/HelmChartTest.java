package dev.highlighter.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders helm/highlighter with the real helm binary and checks every CronJob against
 * schedules.yaml. CI installs helm (see .ci/run) and passes it as HELM; elsewhere the tests are
 * skipped, naming helm and how to get it, when it is not found (see {@link RequiredTool}).
 */
class HelmChartTest {

    static final Path CHART = Path.of("..", "helm", "highlighter");
    String helm;

    /** Before each test, not all: Surefire counts a skip in @BeforeAll as no test at all. */
    @BeforeEach
    void findHelm() {
        helm = RequiredTool.HELM.require();
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("helm %s failed: %s", String.join(" ", args), err).isZero();
        return out;
    }

    @Test
    void lintsStrictly() throws Exception {
        assertThat(run("lint", "--strict", CHART.toString())).contains("0 chart(s) failed");
    }

    @Test
    void oneCronJobPerScheduleMatchingSchedulesYaml() throws Exception {
        Map<String, Schedule> schedules = SchedulesLoader.load(Path.of("schedules.yaml"), job -> true);
        String rendered = run("template", "nightly", CHART.toString(), "--namespace", "streams",
                "--set", "namespace=batch", "--set", "image.tag=1.2.3",
                "--set", "extraEnv[0].name=HIGHLIGHTER_GRID_SIZE", "--set-string", "extraEnv[0].value=4");
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(rendered)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        List<JsonNode> cronJobs = docs.stream().filter(d -> d.path("kind").asString().equals("CronJob")).toList();
        assertThat(cronJobs).hasSize(schedules.size());
        for (JsonNode cj : cronJobs) {
            String name = cj.path("metadata").path("labels").path("highlighter/schedule").asString();
            Schedule s = schedules.get(name);
            assertThat(s).as("CronJob %s has a schedule", cj.path("metadata").path("name").asString()).isNotNull();
            JsonNode spec = cj.path("spec");
            assertThat(cj.path("metadata").path("namespace").asString()).isEqualTo("batch");
            assertThat(spec.path("schedule").asString()).isEqualTo(s.cron());
            assertThat(spec.path("timeZone").asString()).isEqualTo(s.timeZone().getId());
            assertThat(spec.path("concurrencyPolicy").asString()).isEqualTo(s.maxActiveRuns() == 1 ? "Forbid" : "Allow");
            assertThat(spec.path("startingDeadlineSeconds").asLong()).isEqualTo(s.startingDeadline().toSeconds());
            JsonNode job = spec.path("jobTemplate").path("spec");
            assertThat(job.path("backoffLimit").asInt()).isEqualTo(s.retries().max());
            JsonNode container = job.path("template").path("spec").path("containers").get(0);
            assertThat(container.path("image").asString()).endsWith(":1.2.3");
            assertThat(container.path("args").toString()).isEqualTo("[\"trigger\",\"" + name + "\"]");
            assertThat(container.path("env").toString())
                    .contains("HADOOP_CONF_DIR", "HBASE_CONF_DIR", "secretKeyRef", "HIGHLIGHTER_GRID_SIZE");
            assertThat(container.path("resources").path("limits").path("memory").asString()).isNotEmpty();
        }
        JsonNode configMap = docs.stream().filter(d -> d.path("kind").asString().equals("ConfigMap")).findFirst().orElseThrow();
        assertThat(configMap.path("data").propertyNames()).containsExactlyInAnyOrder("core-site.xml", "hdfs-site.xml", "hbase-site.xml");
    }

    @Test
    void consoleDeploymentServiceAndOptionalIngressWithHealthProbesAndTheRepositorySecret() throws Exception {
        List<JsonNode> docs = render("template", "nightly", CHART.toString(), "--set", "console.ingress.enabled=true",
                "--set", "console.ingress.host=console.example.org");
        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asString().equals("Deployment")).findFirst().orElseThrow();
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("args").toString()).isEqualTo("[\"console\",\"--port\",\"8080\"]");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("env").toString()).contains("SPRING_DATASOURCE_PASSWORD", "highlighter-jobrepo",
                "SPRING_APPLICATION_JSON", "highlighter-console-users");
        JsonNode service = docs.stream().filter(d -> d.path("kind").asString().equals("Service")).findFirst().orElseThrow();
        assertThat(service.path("spec").path("selector").path("app.kubernetes.io/component").asString()).isEqualTo("console");
        JsonNode ingress = docs.stream().filter(d -> d.path("kind").asString().equals("Ingress")).findFirst().orElseThrow();
        assertThat(ingress.path("spec").path("rules").get(0).path("host").asString()).isEqualTo("console.example.org");

        List<JsonNode> without = render("template", "nightly", CHART.toString(), "--set", "console.enabled=false");
        assertThat(without).noneMatch(d -> d.path("kind").asString().equals("Deployment") || d.path("kind").asString().equals("Ingress"));
        assertThat(render("template", "nightly", CHART.toString())).noneMatch(d -> d.path("kind").asString().equals("Ingress"));
    }

    private List<JsonNode> render(String... args) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(run(args))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
