package dev.highlighter.jobs.highlights;

import dev.highlighter.readers.catalog.VodCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A sensor in Airflow's poke mode: waits until every channel's partition of the date has its
 * {@code _SUCCESS} marker, poking at an interval, up to a timeout. On timeout it fails the run,
 * or with soft-fail ends it as SKIPPED. Each poke is its own transaction, so a six-hour wait
 * holds no database transaction open. Without a timeout (a manual run) it does not wait.
 */
public class AwaitInputsTasklet implements Tasklet {

    /** Exit code of a soft-failed sensor: the run ends without scoring. */
    public static final String SKIPPED = "SKIPPED";

    private static final Logger log = LoggerFactory.getLogger(AwaitInputsTasklet.class);
    private static final String STARTED = "sensor.started";

    /** Sleeps between pokes; a test passes one that moves a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final VodCatalog catalog;
    private final LocalDate date;
    private final SensorSpec spec;
    private final Clock clock;
    private final Sleeper sleeper;

    /** The sensor's settings; a null timeout means no sensor. */
    public record SensorSpec(Duration pokeInterval, Duration timeout, boolean softFail) {

        public static SensorSpec none() {
            return new SensorSpec(Duration.ZERO, null, false);
        }

        public boolean enabled() {
            return timeout != null;
        }
    }

    public AwaitInputsTasklet(VodCatalog catalog, LocalDate date, SensorSpec spec, Clock clock, Sleeper sleeper) {
        this.catalog = catalog;
        this.date = date;
        this.spec = spec;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!spec.enabled()) {
            return RepeatStatus.FINISHED;
        }
        var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        Instant started = Instant.ofEpochMilli(context.getLong(STARTED, clock.millis()));
        context.putLong(STARTED, started.toEpochMilli());
        if (catalog.complete(date)) {
            log.info("Inputs of {} are complete (_SUCCESS found)", date);
            return RepeatStatus.FINISHED;
        }
        Duration waited = Duration.between(started, clock.instant());
        if (waited.compareTo(spec.timeout()) >= 0) {
            String message = "no _SUCCESS marker in vods/*/" + date + "/ after " + spec.timeout();
            if (spec.softFail()) {
                log.warn("Sensor timed out, soft-fail: {}; the run is skipped", message);
                contribution.setExitStatus(new ExitStatus(SKIPPED, message));
                return RepeatStatus.FINISHED;
            }
            throw new SensorTimeoutException(message);
        }
        log.info("Waiting for the inputs of {} ({} of {} so far); next poke in {}", date, waited, spec.timeout(), spec.pokeInterval());
        sleeper.sleep(spec.pokeInterval());
        return RepeatStatus.CONTINUABLE;
    }

    /** The inputs did not arrive in time. */
    public static class SensorTimeoutException extends RuntimeException {
        public SensorTimeoutException(String message) {
            super(message);
        }
    }
}
