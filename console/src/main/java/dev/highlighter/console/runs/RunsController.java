package dev.highlighter.console.runs;

import dev.highlighter.console.reports.ReportFolders;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.jobs.launch.JobRunner;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The runs grid (dates x stages per job, as Airflow's grid) and one execution's page and Gantt chart. */
@ConsoleBean
@Controller
public class RunsController {

    static final int PAGE_SIZE = 25;

    private final RunsQuery runs;
    private final JobRepository repository;
    private final JobRunner runner;
    private final ReportFolders reports;

    public RunsController(RunsQuery runs, JobRepository repository, JobRunner runner, ReportFolders reports) {
        this.runs = runs;
        this.repository = repository;
        this.runner = runner;
        this.reports = reports;
    }

    @GetMapping("/")
    String grid(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        RunsQuery.Filter filter = new RunsQuery.Filter(job, status, from, to, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", runs.find(filter));
        model.addAttribute("jobs", runs.jobNames());
        model.addAttribute("statuses", java.util.Arrays.stream(org.springframework.batch.core.BatchStatus.values()).map(Enum::name).toList());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("reports", reports.names());
        return "runs";
    }

    @GetMapping("/executions/{id}")
    String execution(@PathVariable long id, Model model) {
        JobExecution execution = find(id);
        model.addAttribute("view", ExecutionView.of(execution));
        if (execution.isRunning()) {
            model.addAttribute("liveness", runner.liveness(execution));
        }
        return "execution";
    }

    @GetMapping(value = "/executions/{id}/gantt.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> gantt(@PathVariable long id) throws IOException {
        byte[] png = GanttChart.png(ExecutionView.of(find(id)), LocalDateTime.now());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png);
    }

    private JobExecution find(long id) {
        JobExecution execution = repository.getJobExecution(id);
        if (execution == null) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no job execution " + id);
        }
        return execution;
    }
}
