package dev.highlighter.app.standalone;

import dev.highlighter.app.HighlighterMain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A highlighter command in a JVM of its own, as a user's second terminal runs it: the test's
 * classpath, the launcher's JVM flags, output to a file under target/ to read and wait on.
 */
public final class ChildCommand implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildCommand(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ChildCommand start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path")));
        for (String pkg : List.of("java.nio", "java.lang", "java.lang.reflect", "java.util", "java.util.concurrent", "sun.nio.ch")) {
            command.add("--add-opens");
            command.add("java.base/" + pkg + "=ALL-UNNAMED");
        }
        command.add(HighlighterMain.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildCommand(process, output);
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** Waits for the exit and returns the code; fails with the output's tail if it takes too long. */
    public int waitFor(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not end within " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** Waits until the output holds the text; fails with the output's tail if the process ends first. */
    public void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("child JVM ended (" + process.exitValue() + ") before printing '" + text + "':\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    public String tail() throws IOException {
        String all = output();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
