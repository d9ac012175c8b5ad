package dev.highlighter.console;

import dev.highlighter.console.security.ConsoleProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The console's defaults (session timeout, health probes), below anything the user sets. */
@ConsoleBean
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
@PropertySource("classpath:dev/highlighter/console/console.properties")
public class ConsoleConfiguration {
}
