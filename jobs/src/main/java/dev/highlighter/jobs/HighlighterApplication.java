package dev.highlighter.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * The Spring Boot application behind every command; each run is a Spring Cloud Task execution.
 * It scans every role module, so modules that depend on jobs (schedules) contribute beans.
 */
@SpringBootApplication(scanBasePackages = "dev.highlighter")
@EnableTask
@EnableConfigurationProperties(HighlighterProperties.class)
public class HighlighterApplication {
}
