package dev.highlighter.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * On every console bean: the console exists only where the process serves HTTP (the console and
 * standalone commands), so that run, export and the rest neither build it nor start what it uses.
 * {@code highlighter.console.enabled=false} turns it off in a web process too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "highlighter.console.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConsoleBean {
}
