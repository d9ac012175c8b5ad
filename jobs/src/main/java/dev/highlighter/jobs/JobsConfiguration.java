package dev.highlighter.jobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the jobs' settings for whichever application hosts them: the shell in app, or a test. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HighlighterProperties.class)
public class JobsConfiguration {
}
