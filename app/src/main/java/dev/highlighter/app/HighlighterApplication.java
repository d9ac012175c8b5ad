package dev.highlighter.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * The Spring Boot application behind every command; each run is a Spring Cloud Task execution.
 * It scans every role module: the jobs, the schedules and the shell's own storage wiring.
 */
@SpringBootApplication(scanBasePackages = "dev.highlighter")
@EnableTask
public class HighlighterApplication {
}
