package dev.highlighter.jobs.highlights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.readers.catalog.VodCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The sensor on a real file tree with a controllable clock: no test sleeps. */
class AwaitInputsTaskletTest {

    static final LocalDate DATE = LocalDate.of(2026, 3, 1);

    @TempDir
    Path root;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T02:00:00Z"));
    VodCatalog catalog;
    Clock clock;
    int pokes;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("vods/chan").resolve(DATE.toString()));
        FileSystem fs = FileSystem.getLocal(new Configuration());
        catalog = new VodCatalog(fs, new HdfsLayout(root.toUri().toString()));
        clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private AwaitInputsTasklet sensor(boolean softFail, Runnable onPoke) {
        return new AwaitInputsTasklet(catalog, DATE, new AwaitInputsTasklet.SensorSpec(Duration.ofMinutes(5), Duration.ofMinutes(30), softFail),
                clock, d -> {
                    pokes++;
                    now.set(now.get().plus(d));
                    onPoke.run();
                });
    }

    /** Runs the tasklet the way a tasklet step does: until it is finished or throws. */
    private StepContribution run(AwaitInputsTasklet tasklet) throws Exception {
        StepExecution step = new StepExecution("awaitInputs", new JobExecution(1L, new JobInstance(1L, "highlights"), new JobParameters()));
        StepContribution contribution = new StepContribution(step);
        ChunkContext chunk = new ChunkContext(new StepContext(step));
        while (tasklet.execute(contribution, chunk) == RepeatStatus.CONTINUABLE) {
            // next poke
        }
        return contribution;
    }

    @Test
    void waitsUntilTheMarkerArrives() throws Exception {
        StepContribution result = run(sensor(false, () -> {
            if (pokes == 3) {
                touch();
            }
        }));
        assertThat(pokes).isEqualTo(3);
        assertThat(result.getExitStatus().getExitCode()).isEqualTo("EXECUTING");
    }

    @Test
    void timesOutWithAClearError() {
        assertThatThrownBy(() -> run(sensor(false, () -> { })))
                .isInstanceOf(AwaitInputsTasklet.SensorTimeoutException.class)
                .hasMessageContaining("no _SUCCESS marker in vods/*/2026-03-01/ after PT30M");
        assertThat(pokes).isEqualTo(6);
    }

    @Test
    void softFailSkipsTheRunInstead() throws Exception {
        StepContribution result = run(sensor(true, () -> { }));
        assertThat(result.getExitStatus().getExitCode()).isEqualTo(AwaitInputsTasklet.SKIPPED);
    }

    private void touch() {
        try {
            Files.createFile(root.resolve("vods/chan").resolve(DATE.toString()).resolve("_SUCCESS"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
