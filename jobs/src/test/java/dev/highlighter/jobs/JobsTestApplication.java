package dev.highlighter.jobs;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.task.configuration.EnableTask;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * What the shell's application class is to the fat jar, for the tests of jobs and of the modules
 * after it: every role module on the classpath, scanned, each run a task execution. (In app's
 * tests the shell's scan also meets this class; it declares nothing the shell does not.)
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableTask
@ComponentScan(basePackages = "dev.highlighter",
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class JobsTestApplication {
}
