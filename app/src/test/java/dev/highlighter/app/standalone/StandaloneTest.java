package dev.highlighter.app.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.testing.SharedData;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * `standalone` in one JVM holds the data folder; commands in other JVMs attach to it (HBase through
 * its ZooKeeper, the job repository through H2's TCP server) instead of stopping on the locks. Its
 * console, a third process, stops a run at its next chunk through the repository, and recovers a
 * run whose process was killed with -9. After it stops, a stale file (dead pid) is ignored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneTest {

    static final Path LOGS = Path.of("target", "standalone-test").toAbsolutePath();
    static final Path DATA = LOGS.resolve("data");

    ChildCommand host;
    int port;
    String password;
    Console console;

    @BeforeAll
    void startStandalone() throws Exception {
        FileSystemUtils.deleteRecursively(LOGS);
        Files.createDirectories(DATA);
        port = freePort();
        host = ChildCommand.start(LOGS.resolve("standalone.log"), "--data-dir", DATA.toString(), "standalone",
                "--port", String.valueOf(port), "--no-scheduler");
        host.awaitOutput("Ctrl-C stops it", Duration.ofMinutes(3));
        Matcher printed = Pattern.compile("Log in as admin with password (\\S+)").matcher(host.output());
        assertThat(printed.find()).as(host.tail()).isTrue();
        password = printed.group(1);
        console = new Console(port);
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void otherCommandsAttachAndTheConsoleShowsTheirRuns() throws Exception {
        StandaloneFile file = StandaloneFile.live(DATA).orElseThrow();
        assertThat(file.pid()).isEqualTo(host.pid());
        assertThat(file.consolePort()).isEqualTo(port);
        assertThat(host.output()).contains("Console: http://localhost:" + port + "/");
        assertThat(Files.readString(DATA.resolve("console-users.properties"))).doesNotContain(password).contains("admin=operator,$2a$");

        ChildCommand demo = ChildCommand.start(LOGS.resolve("demo.log"), "--data-dir", DATA.toString(), "demo");
        assertThat(demo.waitFor(Duration.ofMinutes(4))).as(demo.tail()).isZero();
        assertThat(demo.output()).contains("Attached to the standalone process's HBase").contains("3 of 3 known events");

        ChildCommand run = ChildCommand.start(LOGS.resolve("run.log"), "--data-dir", DATA.toString(), "run", "highlights",
                "--date", "2026-01-01", "--no-reel");
        assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.tail()).isZero();
        assertThat(run.output()).contains("Attached to the standalone process's HBase").contains("highlights 2026-01-01: COMPLETED");

        assertThat(console.get("/actuator/health/readiness", "application/json").body()).contains("\"UP\"");
        assertThat(console.get("/").statusCode()).as("a page sends a browser to the login form").isEqualTo(302);
        console.login("admin", password);
        assertThat(console.get("/").body()).contains("highlights").contains("2026-01-01").contains("COMPLETED");
    }

    /** A console Stop is JobOperator.stop in another process: the process running the job honours it at its next chunk. */
    @Test
    @Order(2)
    void theConsoleStopsARunInAnotherProcessAtItsNextChunk() throws Exception {
        String date = "2026-06-01";
        putLolGames(date);
        ChildCommand run = ChildCommand.start(LOGS.resolve("run-stopped.log"), "--data-dir", DATA.toString(), "run", "highlights",
                "--date", date, "--no-reel");
        long execution = awaitChunks(date, run);
        String answer = console.post("/executions/" + execution + "/stop");
        assertThat(answer).contains("STOPPING");
        assertThat(run.waitFor(Duration.ofMinutes(2))).as("a run that ended STOPPED is not a success: " + run.tail()).isEqualTo(1);
        assertThat(run.output()).contains("highlights " + date + ": STOPPED");
        assertThat(status(execution)).isEqualTo("STOPPED");
        assertThat(console.get("/executions/" + execution).body()).contains("STOPPED");
        assertThat(console.get("/audit").body()).contains("stop").contains("execution " + execution);
    }

    /** kill -9 leaves the run STARTED with a heartbeat whose pid is gone: Recover marks it failed and restarts it, to completion. */
    @Test
    @Order(3)
    void aRunKilledWithMinus9IsRecoveredFromTheConsoleAndCompletes() throws Exception {
        String date = "2026-06-02";
        putLolGames(date);
        ChildCommand run = ChildCommand.start(LOGS.resolve("run-killed.log"), "--data-dir", DATA.toString(), "run", "highlights",
                "--date", date, "--no-reel");
        long execution = awaitChunks(date, run);
        run.process().destroyForcibly(); // SIGKILL: no shutdown hook, no stop
        run.process().waitFor();
        assertThat(status(execution)).isEqualTo("STARTED");
        String page = console.get("/executions/" + execution).body();
        assertThat(page).contains("Its process is gone").contains("pid " + run.pid());

        assertThat(console.post("/executions/" + execution + "/recover")).contains("recover").contains("started");
        assertThat(status(execution)).isEqualTo("FAILED");
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String last = null;
        while (System.nanoTime() < deadline && !"COMPLETED".equals(last = lastStatus(date))) {
            Thread.sleep(1000);
        }
        assertThat(last).as(host.tail()).isEqualTo("COMPLETED");
        assertThat(console.get("/audit").body()).contains("recover");
    }

    @Test
    @Order(4)
    void aCleanStopRemovesTheFileAndAStaleOneIsIgnored() throws Exception {
        host.process().destroy(); // SIGTERM, as Ctrl-C
        if (!host.process().waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            // what it hangs on, before the kill
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(host.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(LOGS.resolve("standalone-threads.txt").toFile()).start();
            dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(host.waitFor(Duration.ofSeconds(5))).isIn(0, 143);
        assertThat(StandaloneFile.path(DATA)).as("a clean stop removes the file").doesNotExist();

        // a standalone killed with -9 leaves its file: a command finds its pid dead, starts the embedded
        // stack itself, and finds there what the attached run wrote
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        new StandaloneFile(dead.pid(), 1, 1, 1).write(DATA);
        ChildCommand export = ChildCommand.start(LOGS.resolve("export-stale.log"), "--data-dir", DATA.toString(), "export", "--date", "2026-01-01");
        assertThat(export.waitFor(Duration.ofMinutes(2))).as(export.tail()).isZero();
        assertThat(export.output()).contains("demo-vod-1,").doesNotContain("Attached to the standalone");
    }

    /** Enough chat that the chat stage takes many chunks: the lol games of the shared data. */
    private static void putLolGames(String date) throws Exception {
        Path partition = DATA.resolve("fs/vods/lolesports/" + date);
        Files.createDirectories(partition);
        try (var games = Files.list(SharedData.lolChat())) {
            for (Path game : games.sorted().toList()) {
                Files.copy(game, partition.resolve(game.getFileName().toString().replace(".csv", ".chat.csv")));
            }
        }
    }

    /** The run's execution, once its chat partitions have committed chunks (it is mid-run). */
    private long awaitChunks(String date, ChildCommand run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(run.process().isAlive()).as("the run ended before it could be caught mid-run:\n" + run.tail()).isTrue();
            try (Connection db = repository(); PreparedStatement q = db.prepareStatement(
                    "SELECT E.JOB_EXECUTION_ID, (SELECT COALESCE(SUM(S.COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION S"
                            + " WHERE S.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID AND S.STEP_NAME LIKE 'chatFeatures.vod:%')"
                            + " FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_EXECUTION_PARAMS P ON P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID"
                            + " WHERE P.PARAMETER_NAME = 'date' AND P.PARAMETER_VALUE = ? AND E.STATUS = 'STARTED'")) {
                q.setString(1, date);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getLong(2) >= 2) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no chunks committed for " + date + ":\n" + run.tail());
    }

    private String status(long execution) throws Exception {
        try (Connection db = repository(); PreparedStatement q = db.prepareStatement(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")) {
            q.setLong(1, execution);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String lastStatus(String date) throws Exception {
        try (Connection db = repository(); PreparedStatement q = db.prepareStatement(
                "SELECT E.STATUS FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_EXECUTION_PARAMS P ON P.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID"
                        + " WHERE P.PARAMETER_NAME = 'date' AND P.PARAMETER_VALUE = ? ORDER BY E.JOB_EXECUTION_ID DESC")) {
            q.setString(1, date);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The job repository as any attached command sees it: H2's TCP server of the standalone process. */
    private static Connection repository() throws Exception {
        StandaloneFile file = StandaloneFile.live(DATA).orElseThrow();
        return DriverManager.getConnection(file.jdbcUrl(DATA), "sa", "");
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The console as a browser without JavaScript meets it: a session cookie and the CSRF tokens of its forms. */
    static final class Console {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final int port;

        Console(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return get(path, "text/html");
        }

        HttpResponse<String> get(String path, String accept) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void login(String user, String password) throws Exception {
            HttpResponse<String> r = form("/login", "/login", "username=" + enc(user) + "&password=" + enc(password));
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        /** Posts a form of the page at {@code path} (with its CSRF token) and returns the flash message of where it leads. */
        String post(String action) throws Exception {
            String page = action.substring(0, action.lastIndexOf('/'));
            HttpResponse<String> r = form(page, action, "");
            assertThat(r.statusCode()).isEqualTo(302);
            String next = get(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath()).body();
            Matcher flash = Pattern.compile("id=\"(?:flash|problem)\">([^<]*)<").matcher(next);
            return flash.find() ? flash.group(1) : next;
        }

        private HttpResponse<String> form(String page, String action, String fields) throws Exception {
            Matcher csrf = CSRF.matcher(get(page).body());
            assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
            String body = (fields.isEmpty() ? "" : fields + "&") + "_csrf=" + enc(csrf.group(1));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
