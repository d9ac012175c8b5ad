package dev.highlighter.app.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small real file system for a disk-full test: a tmpfs of a given size, mounted on a folder
 * (root only), that can be enlarged in place, as an operator frees space. Where mounting is not
 * permitted the test is skipped with the reason, unless HIGHLIGHTER_REQUIRE_ALL=1 (CI runs as
 * root), when it fails instead.
 */
final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** A tmpfs of {@code size} (e.g. "4m") on {@code dir}, or the test is skipped (failed under HIGHLIGHTER_REQUIRE_ALL=1). */
    static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        if (problem != null) {
            String message = "cannot mount a " + size + " tmpfs on " + dir + " (needs root and mount permission): " + problem;
            // a sandbox that forbids mounts is not a missing tool: REQUIRE_ALL cannot install a permission
            boolean forbidden = problem.toLowerCase(java.util.Locale.ROOT).matches("(?s).*(permission denied|not permitted|must be superuser|only root).*");
            if ("1".equals(System.getenv("HIGHLIGHTER_REQUIRE_ALL")) && !forbidden) {
                Assertions.fail(message + "; HIGHLIGHTER_REQUIRE_ALL=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        return new SmallDisk(dir);
    }

    /** Grows the file system in place, keeping what is on it. */
    void resize(String size) throws IOException, InterruptedException {
        String problem = run("mount", "-o", "remount,size=" + size, dir.toString());
        if (problem != null) {
            throw new IllegalStateException("cannot resize the tmpfs on " + dir + ": " + problem);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString()); // lazy: a child that still holds a file cannot keep it mounted
    }

    /** Null when the command succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    }
}
