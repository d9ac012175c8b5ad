package dev.highlighter.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.highlighter.console.actions.AuditLog;
import dev.highlighter.console.security.ConsoleProperties;
import dev.highlighter.console.security.ConsoleUsers;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.launch.JobRunner;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may do what: pages need a login, viewers read, operators act, every action needs the CSRF
 * token; a refused POST changes nothing in the repository, and an allowed one is audited.
 */
@ConsoleTest
class ConsoleSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    AuditLog audit;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;
    @Value("${server.servlet.session.timeout}")
    Duration sessionTimeout;

    @Test
    void pagesSendABrowserToTheLoginFormAndHealthIsOpen() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("_csrf")));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void loginWithTheBcryptHashAndLogout() throws Exception {
        mvc.perform(formLogin().user("viewer").password("viewer-pw")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("viewer").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
        assertThat(sessionTimeout).as("idle sessions end").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusedPostsChangeNothingAndTheOperatorsRestartIsAudited() throws Exception {
        BrokenVideoDay day = new BrokenVideoDay(fs, layout, connection, LocalDate.of(2026, 3, 1));
        JobExecution failed = day.failedRun(runner);
        day.fix();
        String restart = "/executions/" + failed.getId() + "/restart";
        int audited = audit.latest(1000).size();

        mvc.perform(post(restart).with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post(restart).with(csrf()).with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post(restart).with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post(restart).with(csrf().useInvalidToken()).with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/launch").param("job", "highlights").param("date", "2026-03-02").with(csrf()).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden());

        assertThat(repository.getJobExecution(failed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(repository.getJobInstances("highlights", 0, 1000)).hasSize(countInstances());
        assertThat(runner.lastExecution("highlights", LocalDate.of(2026, 3, 2))).as("the viewer's launch never happened").isNull();
        assertThat(audit.latest(1000)).as("refused by security: not even an audit row").hasSize(audited);

        mvc.perform(get("/executions/" + failed.getId()).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(BrokenVideoDay.BROKEN)));

        mvc.perform(post(restart).with(csrf()).with(user("operator").roles("OPERATOR")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/executions/" + failed.getId()));
        JobExecution done = awaitEnd(day.date());
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(done.getId()).isNotEqualTo(failed.getId());
        assertThat(audit.latest(1)).singleElement().satisfies(a -> {
            assertThat(a.who()).isEqualTo("operator");
            assertThat(a.action()).isEqualTo("restart");
            assertThat(a.target()).contains("execution " + failed.getId());
        });
        awaitAudit("COMPLETED (execution " + done.getId() + ")");
        mvc.perform(get("/audit").with(user("viewer").roles("VIEWER")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("COMPLETED (execution " + done.getId() + ")")));
    }

    @Test
    void abandonNeedsTheTypedIdAndRestartNeedsAFailedRun() throws Exception {
        BrokenVideoDay day = new BrokenVideoDay(fs, layout, connection, LocalDate.of(2026, 3, 3));
        JobExecution failed = day.failedRun(runner);
        String abandon = "/executions/" + failed.getId() + "/abandon";
        mvc.perform(post(abandon).param("confirm", "yes").with(csrf()).with(user("operator").roles("OPERATOR")))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem",
                        "type the execution id (" + failed.getId() + ") to confirm"));
        assertThat(repository.getJobExecution(failed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);

        mvc.perform(post(abandon).param("confirm", String.valueOf(failed.getId())).with(csrf()).with(user("operator").roles("OPERATOR")))
                .andExpect(status().isFound());
        assertThat(repository.getJobExecution(failed.getId()).getStatus()).isEqualTo(BatchStatus.ABANDONED);
        mvc.perform(post("/executions/" + failed.getId() + "/restart").with(csrf()).with(user("operator").roles("OPERATOR")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem",
                        "only a FAILED or STOPPED execution restarts; this one is ABANDONED"));
        assertThat(audit.latest(3)).extracting(AuditLog.Entry::outcome)
                .anySatisfy(o -> assertThat(o).startsWith("refused: only a FAILED"))
                .anySatisfy(o -> assertThat(o).startsWith("ABANDONED"));
    }

    @Test
    void withoutUsersTheConsoleDoesNotStartOutsideStandalone() {
        assertThatThrownBy(() -> new ConsoleUsers(new ConsoleProperties(), java.nio.file.Path.of("data")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("The console has no users")
                .hasMessageContaining("highlighter.console.users.<name>.password-hash");
    }

    private int countInstances() {
        return repository.getJobInstances("highlights", 0, 1000).size();
    }

    private JobExecution awaitEnd(LocalDate date) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JobExecution last = runner.lastExecution("highlights", date);
            if (last != null && !last.isRunning() && last.getStatus() != BatchStatus.FAILED) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the restarted run did not end: " + runner.lastExecution("highlights", date));
    }

    private void awaitAudit(String outcome) throws InterruptedException {
        for (int i = 0; i < 100 && audit.latest(5).stream().noneMatch(a -> a.outcome().equals(outcome)); i++) {
            Thread.sleep(100);
        }
    }
}
