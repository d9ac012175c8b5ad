package dev.highlighter.app.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.ChildJvm;
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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * `standalone` in one JVM holds the data folder; `demo` and `run` in others attach to it (HBase
 * through its ZooKeeper, the job repository through H2's TCP server) instead of stopping on the
 * locks, and the run shows in its console. After it stops, a stale file (dead pid) is ignored.
 */
class StandaloneTest {

    static final Path LOGS = Path.of("target", "standalone-test").toAbsolutePath();

    @Test
    void otherCommandsAttachToTheStandaloneProcessAndItsConsoleShowsTheirRuns() throws Exception {
        Path data = LOGS.resolve("data");
        FileSystemUtils.deleteRecursively(LOGS);
        Files.createDirectories(data);
        int port = freePort();
        try (ChildJvm host = ChildJvm.start(LOGS.resolve("standalone.log"), "--data-dir", data.toString(), "standalone",
                "--port", String.valueOf(port), "--no-scheduler")) {
            host.awaitOutput("Ctrl-C stops it", Duration.ofMinutes(3));
            Matcher password = Pattern.compile("Log in as admin with password (\\S+)").matcher(host.output());
            assertThat(password.find()).as(host.tail()).isTrue();
            StandaloneFile file = StandaloneFile.live(data).orElseThrow();
            assertThat(file.pid()).isEqualTo(host.pid());
            assertThat(file.consolePort()).isEqualTo(port);
            assertThat(host.output()).contains("Console: http://localhost:" + port + "/");
            assertThat(Files.readString(data.resolve("console-users.properties"))).doesNotContain(password.group(1)).contains("admin=operator,$2a$");

            ChildJvm demo = ChildJvm.start(LOGS.resolve("demo.log"), "--data-dir", data.toString(), "demo");
            assertThat(demo.waitFor(Duration.ofMinutes(4))).as(demo.tail()).isZero();
            assertThat(demo.output()).contains("Attached to the standalone process's HBase").contains("3 of 3 known events");

            ChildJvm run = ChildJvm.start(LOGS.resolve("run.log"), "--data-dir", data.toString(), "run", "highlights",
                    "--date", "2026-01-01", "--no-reel");
            assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.tail()).isZero();
            assertThat(run.output()).contains("Attached to the standalone process's HBase").contains("highlights 2026-01-01: COMPLETED");

            Console console = new Console(port);
            assertThat(console.get("/actuator/health/readiness", "application/json").body()).contains("\"UP\"");
            assertThat(console.get("/").statusCode()).as("a page sends a browser to the login form").isEqualTo(302);
            console.login("admin", password.group(1));
            String grid = console.get("/").body();
            assertThat(grid).contains("highlights").contains("2026-01-01").contains("COMPLETED");

            host.process().destroy(); // SIGTERM, as Ctrl-C
            assertThat(host.waitFor(Duration.ofMinutes(1))).isIn(0, 143);
            assertThat(StandaloneFile.path(data)).as("a clean stop removes the file").doesNotExist();
        }

        // a standalone killed with -9 leaves its file: a command finds its pid dead and starts the embedded stack itself,
        // and finds there what the attached run wrote
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        new StandaloneFile(dead.pid(), 1, 1, 1).write(data);
        ChildJvm export = ChildJvm.start(LOGS.resolve("export-stale.log"), "--data-dir", data.toString(), "export", "--date", "2026-01-01");
        assertThat(export.waitFor(Duration.ofMinutes(2))).as(export.tail()).isZero();
        assertThat(export.output()).contains("demo-vod-1,").doesNotContain("Attached to the standalone");
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The console as a browser without JavaScript meets it: a session cookie and the CSRF token of the login form. */
    static final class Console {
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
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
