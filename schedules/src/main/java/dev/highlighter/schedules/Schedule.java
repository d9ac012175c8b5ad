package dev.highlighter.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;

/**
 * One entry of schedules.yaml: when a job runs, for which logical date, and what happens when
 * it fails or its inputs are late.
 */
public record Schedule(String name, String job, String cron, ZoneId timeZone, LogicalDateRule logicalDate,
                       LocalDate startDate, boolean catchup, int maxActiveRuns, Map<String, String> parameters,
                       RetryPolicy retries, Sensor sensor, List<String> dependsOn, Duration startingDeadline) {

    public Schedule {
        parameters = Map.copyOf(parameters);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Waits for the date partition's {@code _SUCCESS} marker before the job does any work. */
    public record Sensor(Duration pokeInterval, Duration timeout, boolean softFail) {
    }

    /** Exponential backoff: initialDelay, then times multiplier per retry, never above maxDelay. */
    public record RetryPolicy(int max, Duration initialDelay, double multiplier, Duration maxDelay) {

        public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO);

        /** The delay before retry number {@code retry} (1-based). */
        public Duration delay(int retry) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, retry - 1);
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }

    /** Spring's six-field form of the five-field cron (seconds first); macros are the same in both. */
    public CronExpression cronExpression() {
        return CronExpression.parse(cron.startsWith("@") ? cron : "0 " + cron);
    }

    /** The first fire time strictly after {@code after}. */
    public Instant nextFire(Instant after) {
        ZonedDateTime next = cronExpression().next(after.atZone(timeZone));
        if (next == null) {
            throw new IllegalStateException("schedule '" + name + "': cron '" + cron + "' never fires again");
        }
        return next.toInstant();
    }

    public LocalDate logicalDate(Instant fireTime) {
        return logicalDate.apply(fireTime.atZone(timeZone));
    }

    /** The non-identifying job parameters of a scheduled run: the schedule's own, and the sensor. */
    public Map<String, String> jobSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>(parameters);
        if (sensor != null) {
            settings.put("sensor.timeout", sensor.timeout().toString());
            settings.put("sensor.poke", sensor.pokeInterval().toString());
            settings.put("sensor.softFail", String.valueOf(sensor.softFail()));
        }
        settings.put("schedule", name);
        return settings;
    }
}
