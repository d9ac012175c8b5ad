package dev.highlighter.app.remote;

import dev.highlighter.app.HighlighterMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code highlighter args...} in a JVM of its own, started from this test's classpath the way the
 * launcher starts the fat jar, its output in a log file: a process that can be killed for real.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, Path logs, Map<String, String> env, Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        for (String open : List.of("java.base/java.nio", "java.base/java.lang", "java.base/java.util",
                "java.base/java.util.concurrent", "java.base/sun.nio.ch")) {
            command.add("--add-opens");
            command.add(open + "=ALL-UNNAMED");
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HighlighterMain.class.getName()));
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        // a test JVM that dies must not leave its workers running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
        return new ChildJvm(name, process, log);
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits for a line of the log to contain this text. */
    void awaitLog(String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before logging '" + text + "':\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not log '" + text + "' within " + within.toSeconds() + " s:\n" + tail());
    }

    int awaitExit(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs after " + within.toSeconds() + " s:\n" + tail());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no last chunk. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as Kubernetes evicts a pod. */
    void terminate() {
        process.destroy();
    }

    String tail() throws IOException {
        List<String> lines = log().lines().toList();
        return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
