package dev.highlighter.console.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.console.Pngs;
import java.awt.image.BufferedImage;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The Gantt chart of a run that is still going (Airflow 3.1.8 broke exactly this,
 * apache/airflow#64599): running steps and partitions have no end yet and are drawn up to now,
 * a step not started yet has no bar, and nothing throws.
 */
class GanttChartTest {

    @Test
    void aRunningExecutionIsDrawnUpToNow() throws Exception {
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 2, 0);
        JobExecution run = new JobExecution(7, new JobInstance(3, "highlights"),
                new JobParametersBuilder().addLocalDate("date", java.time.LocalDate.of(2026, 1, 1)).toJobParameters());
        run.setStatus(BatchStatus.STARTED);
        run.setStartTime(start);
        StepExecution done = step(run, 1, "discoverVods", start, start.plusSeconds(2), BatchStatus.COMPLETED);
        StepExecution manager = step(run, 2, "chatFeatures", start.plusSeconds(2), null, BatchStatus.STARTED);
        StepExecution vod = step(run, 3, "chatFeatures.vod:game-1", start.plusSeconds(3), null, BatchStatus.STARTED);
        StepExecution failed = step(run, 4, "chatFeatures.vod:game-2", start.plusSeconds(3), start.plusSeconds(5), BatchStatus.FAILED);
        step(run, 5, "inference", null, null, BatchStatus.STARTING);

        ExecutionView view = ExecutionView.of(run);
        assertThat(view.steps()).extracting(ExecutionView.StepRow::name).containsExactly("discoverVods", "chatFeatures", "inference");
        assertThat(view.partitionsByVod()).containsOnlyKeys("game-1", "game-2");
        assertThat(view.partitionsByVod().get("game-1").get(0).duration()).endsWith("so far");

        BufferedImage chart = Pngs.decode(GanttChart.png(view, start.plusSeconds(20)));
        assertThat(Pngs.pixels(chart, StatusColors.of("STARTED"))).as("the running bars").isGreaterThan(500);
        assertThat(Pngs.pixels(chart, StatusColors.of("FAILED"))).as("the failed partition").isGreaterThan(20);
        assertThat(Pngs.pixels(chart, StatusColors.of("COMPLETED"))).as("the completed step").isGreaterThan(20);
        assertThat(done.getId() + manager.getId() + vod.getId() + failed.getId()).isEqualTo(10);
    }

    private static StepExecution step(JobExecution run, long id, String name, LocalDateTime start, LocalDateTime end, BatchStatus status) {
        StepExecution step = new StepExecution(id, name, run);
        step.setStartTime(start);
        step.setEndTime(end);
        step.setStatus(status);
        run.addStepExecution(step);
        return step;
    }
}
