package dev.highlighter.app;

import dev.highlighter.app.bench.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a user runs it: {@code highlighter ...} in a JVM of its own, with the
 * launcher's flags and this module's classpath, so exit codes, stderr and kills are real.
 */
public final class ChildJvm {

    /** What a finished command left: its exit code and what it printed. */
    public record Result(int exitCode, String out, String err) {
    }

    private ChildJvm() {
    }

    /** The launcher's java and flags with this module's classpath (surefire's own JVM starts from a booter jar). */
    public static Launcher launcher() {
        return new Launcher(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), HighlighterMain.class.getName()));
    }

    /** Starts {@code highlighter args...}; output goes to files in {@code logs}. */
    public static Process start(Path logs, String... args) throws IOException {
        return start(logs, java.util.Map.of(), args);
    }

    /** The same with environment variables set, such as HBASE_CONF_DIR. */
    public static Process start(Path logs, java.util.Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(launcher().prefix());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile());
        builder.environment().remove("HIGHLIGHTER_ROOT");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs {@code highlighter args...} to the end (or kills it after {@code timeout}). */
    public static Result run(Path logs, Duration timeout, String... args) throws IOException, InterruptedException {
        return finish(start(logs, args), logs, timeout, args);
    }

    /** Waits for a started command (or kills it after {@code timeout}). */
    public static Result finish(Process process, Path logs, Duration timeout, String... args) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("highlighter " + String.join(" ", args) + " did not end within " + timeout
                    + "; stderr:\n" + Files.readString(logs.resolve("err.txt")));
        }
        return new Result(process.exitValue(), Files.readString(logs.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(logs.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
