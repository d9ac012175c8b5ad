package dev.highlighter.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data in ../shared/data (never copied into the repository). The path comes from the
 * system property or environment variable {@code highlighter.shared.data} /
 * {@code HIGHLIGHTER_SHARED_DATA}; without it, {@code ../shared/data} from the project root.
 * A test that needs it and cannot find it fails with a message that says where it looked, unless
 * {@code highlighter.shared.data.optional=true}, when it is reported as skipped.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("highlighter.shared.data", System.getenv("HIGHLIGHTER_SHARED_DATA"));
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        if (!Files.isDirectory(dir)) {
            String message = "the shared test data is not at " + dir.toAbsolutePath().normalize()
                    + "; set -Dhighlighter.shared.data=/path/to/shared/data";
            if (Boolean.getBoolean("highlighter.shared.data.optional")) {
                Assumptions.abort(message);
            }
            throw new IllegalStateException(message);
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path lolChat() {
        return dir().resolve("lol-worlds-2019/chat");
    }

    public static Path lolLabels() {
        return dir().resolve("lol-worlds-2019/labels.json");
    }
}
