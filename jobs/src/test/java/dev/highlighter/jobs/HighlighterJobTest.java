package dev.highlighter.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on the shared mini clusters, with an in-memory H2 job repository. Every test
 * class uses exactly this, so Spring builds the context once per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.url=jdbc:h2:mem:highlighter-test;DB_CLOSE_DELAY=-1",
        "spring.cloud.task.name=highlighter-test"})
public @interface HighlighterJobTest {
}
