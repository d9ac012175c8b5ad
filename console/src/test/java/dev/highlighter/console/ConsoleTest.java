package dev.highlighter.console;

import dev.highlighter.jobs.JobsTestApplication;
import dev.highlighter.jobs.MiniClusterStorage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The console on the shared mini clusters and an in-memory job repository, with a viewer and an
 * operator (bcrypt hashes of "viewer-pw" and "operator-pw"). One context for every MockMvc test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {JobsTestApplication.class, MiniClusterStorage.class}, properties = {
        "highlighter.storage=provided",
        "spring.datasource.url=jdbc:h2:mem:console-test;DB_CLOSE_DELAY=-1",
        "spring.cloud.task.name=highlighter-console-test",
        "highlighter.console.users.viewer.password-hash=$2a$04$Ner5JJpVdQA/8VwyP9dDEOr57pC9bgrSj/WHweJVcMw/VDvT4CvVq",
        "highlighter.console.users.viewer.role=viewer",
        "highlighter.console.users.operator.password-hash=$2a$04$TzcesZ0bBrlSZLKo8oGkvO/xLHIzjyuJ2/SHcWzYsCbXkQR.w8kum",
        "highlighter.console.users.operator.role=operator"})
@AutoConfigureMockMvc
public @interface ConsoleTest {
}
