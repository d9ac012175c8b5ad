package dev.highlighter.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulesLoaderTest {

    static final Set<String> JOBS = Set.of("highlights", "feedback", "retrain", "reports");

    static Map<String, Schedule> load(String yaml) throws Exception {
        return SchedulesLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", JOBS::contains);
    }

    @Test
    void theShippedFileLoadsAndMeansWhatItSays() throws Exception {
        Map<String, Schedule> schedules = SchedulesLoader.load(Path.of("schedules.yaml"), JOBS::contains);
        Schedule h = schedules.get("highlights");
        assertThat(h.job()).isEqualTo("highlights");
        assertThat(h.maxActiveRuns()).isEqualTo(1);
        assertThat(h.retries().max()).isEqualTo(3);
        // a 02:00 UTC run processes the day before
        Instant fire = h.nextFire(Instant.parse("2026-11-22T01:30:00Z"));
        assertThat(fire).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(h.logicalDate(fire)).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(SchedulesLoader.loadBundled(JOBS::contains)).containsOnlyKeys(schedules.keySet());
    }

    @Test
    void reportsFollowTheirDaysHighlightsAndRollUpWeekly() throws Exception {
        Map<String, Schedule> schedules = SchedulesLoader.load(Path.of("schedules.yaml"), JOBS::contains);
        Schedule daily = schedules.get("reports");
        assertThat(daily.job()).isEqualTo("reports");
        assertThat(daily.dependsOn()).containsExactly("highlights");
        Instant fire = daily.nextFire(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(daily.logicalDate(fire)).isEqualTo(LocalDate.of(2026, 11, 21));
        Schedule weekly = schedules.get("reports-weekly");
        assertThat(weekly.job()).isEqualTo("reports");
        assertThat(weekly.jobSettings()).containsEntry("rollupDays", "7");
        // Mondays only (2026-11-23 is one), covering the week that ended on Sunday
        Instant monday = weekly.nextFire(Instant.parse("2026-11-19T00:00:00Z"));
        assertThat(monday).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(weekly.logicalDate(monday)).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void cronIsReadInTheSchedulesTimeZone() throws Exception {
        Schedule s = load("""
                schedules:
                  seoul:
                    job: highlights
                    cron: "30 3 * * *"
                    timeZone: Asia/Seoul
                """).get("seoul");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(s.nextFire(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T18:30:00Z"));
    }

    @Test
    void backoffDoublesUpToItsCap() throws Exception {
        Schedule.RetryPolicy r = new Schedule.RetryPolicy(5, Duration.ofMinutes(5), 2, Duration.ofMinutes(30));
        assertThat(r.delay(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.delay(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.delay(3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(r.delay(4)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void everyBadEntryIsNamedAtOnce() {
        assertThatThrownBy(() -> load("""
                schedules:
                  good:
                    job: highlights
                    cron: "0 2 * * *"
                  badcron:
                    job: highlights
                    cron: "0 25 * * *"
                  nojob:
                    job: nosuchjob
                    cron: "0 2 * * *"
                  lost:
                    job: retrain
                    cron: "0 3 * * *"
                    dependsOn: [nothing]
                    retries: {initialDelay: five minutes}
                    catchup: true
                """))
                .isInstanceOf(ScheduleConfigException.class)
                .hasMessageContaining("test.yaml: 5 problems")
                .hasMessageContaining("entry 'badcron': invalid cron '0 25 * * *'")
                .hasMessageContaining("entry 'nojob': unknown job 'nosuchjob'")
                .hasMessageContaining("entry 'lost': retries.initialDelay 'five minutes' is not an ISO-8601 duration")
                .hasMessageContaining("entry 'lost': catchup needs a startDate")
                .hasMessageContaining("entry 'lost': dependsOn names 'nothing', which is not a schedule here")
                .message().doesNotContain("'good'");
    }

    @Test
    void unparsableYamlSaysWhere() {
        assertThatThrownBy(() -> load("schedules:\n  a: [unclosed\n  b: 1\n"))
                .isInstanceOf(ScheduleConfigException.class)
                .hasMessageStartingWith("test.yaml: cannot be parsed at line");
        assertThatThrownBy(() -> load("jobs: {}\n"))
                .isInstanceOf(ScheduleConfigException.class)
                .hasMessageContaining("has no 'schedules:' map");
    }
}
