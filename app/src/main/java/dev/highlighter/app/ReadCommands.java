package dev.highlighter.app;

import dev.highlighter.app.standalone.Attach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command that only reads ({@code models}, {@code export}, {@code evaluate}) does not start, so
 * it answers in seconds: the auto-configurations that only serve HTTP (Actuator's health, metrics and
 * observations, Security, Thymeleaf, the HTTP message converters and Boot's Jackson mapper; no
 * endpoint exposes them in a command), and, when attached to a standalone, the job- and task-schema
 * initialisation and the HBase table checks that the standalone ran when it started. Spring Cloud Task's own bookkeeping stays:
 * every command's start and exit code is the audit trail the console shows.
 */
public final class ReadCommands {

    /** The top-level commands that only read (models' promote and rollback write one small file each). */
    static final Set<String> READS = Set.of("models", "export", "evaluate");

    static final List<String> NOT_NEEDED = List.of(
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
            "org.springframework.cloud.task.configuration.observation.ObservationTaskAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration");

    private ReadCommands() {
    }

    /** The Spring properties for the command {@code task} ("export", "models-promote", ...), given the others it has. */
    static Map<String, Object> properties(String task, Map<String, Object> others) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (!READS.contains(task.split("-", 2)[0])) {
            return props;
        }
        props.put("spring.autoconfigure.exclude", String.join(",", NOT_NEEDED));
        if (others.containsKey(Attach.JOBREPO_URL)) {
            props.put("spring.batch.jdbc.initialize-schema", "never");
            props.put("spring.cloud.task.initialize-enabled", "false");
            props.put("highlighter.storage.ensure-tables", "false");
        }
        return props;
    }
}
