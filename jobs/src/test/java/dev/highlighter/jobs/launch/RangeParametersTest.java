package dev.highlighter.jobs.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A roll-up's first date identifies its run; a schedule's rollupDays becomes that date. */
class RangeParametersTest {

    static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);

    @Test
    void aRangeIsIdentifiedByBothDates() {
        JobParameters day = JobRunner.parameters(SUNDAY, 0, Map.of());
        JobParameters week = JobRunner.parameters(SUNDAY, 0, Map.of(JobRunner.FROM, "2026-11-16"));
        assertThat(identifying(day)).doesNotContain(JobRunner.FROM);
        assertThat(identifying(week)).contains(JobRunner.FROM);
        assertThat(week.getLocalDate(JobRunner.FROM)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(week).isNotEqualTo(day);
    }

    @Test
    void rollupDaysCountBackFromTheDate() {
        JobParameters week = JobRunner.parameters(SUNDAY, 0, Map.of(JobRunner.ROLLUP_DAYS, "7", "schedule", "reports-weekly"));
        assertThat(week.getLocalDate(JobRunner.FROM)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(week.getString(JobRunner.ROLLUP_DAYS)).isNull();
        assertThat(identifying(week)).doesNotContain("schedule");
        assertThat(JobRunner.parameters(SUNDAY, 0, Map.of(JobRunner.ROLLUP_DAYS, "1"))).isEqualTo(JobRunner.parameters(SUNDAY, 0, Map.of()));
        assertThatThrownBy(() -> JobRunner.parameters(SUNDAY, 0, Map.of(JobRunner.ROLLUP_DAYS, "0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("rollupDays must be at least 1");
    }

    private static java.util.List<String> identifying(JobParameters parameters) {
        return parameters.getIdentifyingParameters().stream().map(p -> p.name()).toList();
    }
}
