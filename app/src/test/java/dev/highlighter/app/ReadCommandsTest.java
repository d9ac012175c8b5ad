package dev.highlighter.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.standalone.Attach;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadCommandsTest {

    @Test
    void everyExcludedAutoConfigurationIsOnTheClasspath() throws Exception {
        // Boot fails a context whose exclude names a class that is not an auto-configuration: a rename in an
        // upgrade must show here, not as every read command failing
        ClassLoader loader = getClass().getClassLoader();
        for (String name : ReadCommands.NOT_NEEDED) {
            assertThat(Class.forName(name, false, loader).isAnnotationPresent(org.springframework.boot.autoconfigure.AutoConfiguration.class))
                    .as(name).isTrue();
        }
    }

    @Test
    void onlyReadCommandsLeaveThemOutAndOnlyAttachedOnesSkipTheSchema() {
        Map<String, Object> attached = Map.of(Attach.JOBREPO_URL, "jdbc:h2:tcp://localhost:1/x");

        assertThat(ReadCommands.properties("export", Map.of())).containsKey("spring.autoconfigure.exclude")
                .doesNotContainKey("spring.batch.jdbc.initialize-schema");
        assertThat(ReadCommands.properties("models-promote", attached))
                .containsEntry("spring.batch.jdbc.initialize-schema", "never")
                .containsEntry("spring.cloud.task.initialize-enabled", "false")
                .containsEntry("highlighter.storage.ensure-tables", "false");
        assertThat(ReadCommands.properties("run-highlights", attached)).isEmpty();
        assertThat(ReadCommands.properties("standalone", Map.of())).isEmpty();
    }
}
