package dev.highlighter.console.schedules;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.schedules.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each entry of schedules.yaml: its next fire time, the run of its last fire (status, execution),
 * and for catch-up schedules the dates since startDate that never completed, which a scheduler
 * start-up would run.
 */
@ConsoleBean
@Controller
public class SchedulesController {

    /** Catch-up is listed for at most this many days back: a page, not a backfill plan. */
    static final int MAX_CATCHUP_DAYS = 366;

    private final ObjectProvider<Map<String, Schedule>> schedules;
    private final JobRunner runner;

    public SchedulesController(ObjectProvider<Map<String, Schedule>> schedules, JobRunner runner) {
        this.schedules = schedules;
        this.runner = runner;
    }

    public record Row(Schedule schedule, Instant nextFire, LocalDate lastDate, JobExecution lastRun, List<LocalDate> pending) {
    }

    @GetMapping("/schedules")
    String schedules(Model model) {
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (Schedule s : schedules.getObject().values()) {
            Instant last = lastFire(s, now);
            LocalDate lastDate = last == null ? null : s.logicalDate(last);
            JobExecution lastRun = lastDate == null ? null : runner.lastExecution(s.job(), lastDate);
            List<LocalDate> pending = new ArrayList<>();
            if (s.catchup() && s.startDate() != null && lastDate != null) {
                LocalDate from = s.startDate().isBefore(lastDate.minusDays(MAX_CATCHUP_DAYS)) ? lastDate.minusDays(MAX_CATCHUP_DAYS) : s.startDate();
                for (LocalDate d = from; !d.isAfter(lastDate); d = d.plusDays(1)) {
                    JobExecution run = runner.lastExecution(s.job(), d);
                    if (run == null || run.getStatus() != org.springframework.batch.core.BatchStatus.COMPLETED) {
                        pending.add(d);
                    }
                }
            }
            rows.add(new Row(s, s.nextFire(now), lastDate, lastRun, pending));
        }
        model.addAttribute("rows", rows);
        return "schedules";
    }

    /** The latest fire time at or before now (Spring's cron has only "next"): walk forward from a week back. */
    static Instant lastFire(Schedule s, Instant now) {
        Instant last = null;
        Instant t = s.nextFire(now.minus(java.time.Duration.ofDays(8)));
        for (int i = 0; i < 20_000 && !t.isAfter(now); i++) {
            last = t;
            t = s.nextFire(t);
        }
        return last;
    }
}
