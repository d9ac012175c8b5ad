package dev.highlighter.schedules;

import dev.highlighter.jobs.launch.JobRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The schedules in force: schedules.yaml from {@code highlighter.schedules-file}, else the bundled one. */
@Configuration(proxyBeanMethods = false)
public class SchedulesConfiguration {

    @Bean
    @Lazy
    Map<String, Schedule> schedules(JobRunner runner, @Value("${highlighter.schedules-file:}") String file) throws IOException {
        return file.isBlank() ? SchedulesLoader.loadBundled(runner::isKnown) : SchedulesLoader.load(Path.of(file), runner::isKnown);
    }
}
