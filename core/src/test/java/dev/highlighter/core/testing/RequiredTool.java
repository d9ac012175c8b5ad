package dev.highlighter.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * A program or server outside the JVM that some tests measure against (the ffmpeg CLI, Python's
 * xgboost, helm, PostgreSQL). {@code mvn -B verify} must pass on a machine with only JDK 17 and
 * Maven, so a test whose tool is missing reports itself skipped, naming the tool and how to get
 * it. CI sets {@value #REQUIRE_ALL}=1 (.ci/run installs everything), which turns each such skip
 * into a failure: there every one of these tests is mandatory.
 *
 * <p>Every lookup takes the environment as a function, so the decision can be tested without
 * touching the real one; {@link #require()} uses {@link System#getenv(String)}.
 */
public final class RequiredTool {

    /** The switch: when {@code 1} (any value but empty, 0 or false), a missing tool fails the test instead of skipping it. */
    public static final String REQUIRE_ALL = "HIGHLIGHTER_REQUIRE_ALL";

    /** The yardstick of the media tests. */
    public static final RequiredTool FFMPEG = new RequiredTool("the ffmpeg CLI (ffmpeg on PATH)",
            "apt-get install ffmpeg", env -> onPath("ffmpeg", env));

    /** Loads the model file as a data scientist would. */
    public static final RequiredTool PYTHON_XGBOOST = new RequiredTool(
            "Python's xgboost (a python3 on PATH that imports xgboost and numpy)",
            "apt-get install python3-xgboost", env -> pythonWith("import xgboost, numpy", env));

    /** Renders the chart. */
    public static final RequiredTool HELM = new RequiredTool("helm (HELM, or helm on PATH)",
            "export HELM=$(bash .ci/helm.sh)", env -> {
                String helm = env.apply("HELM");
                return helm != null && !helm.isBlank() ? executable(Path.of(helm)) : onPath("helm", env);
            });

    /** Opens the HTML the project writes (reports, the console) as a user's browser would. */
    public static final RequiredTool CHROMIUM = new RequiredTool("Chromium (CHROMIUM, or chromium on PATH)",
            "apt-get install chromium", env -> {
                String chromium = env.apply("CHROMIUM");
                if (chromium != null && !chromium.isBlank()) {
                    return executable(Path.of(chromium));
                }
                String found = onPath("chromium", env);
                return found != null ? found : onPath("chromium-browser", env);
            });

    /** The production job repository; the value is its JDBC URL. */
    public static final RequiredTool POSTGRES = new RequiredTool("PostgreSQL (HIGHLIGHTER_TEST_PG_URL)",
            "export HIGHLIGHTER_TEST_PG_URL=$(bash .ci/postgres.sh)", env -> {
                String url = env.apply("HIGHLIGHTER_TEST_PG_URL");
                return url == null || url.isBlank() ? null : url;
            });

    private final String name;
    private final String howToGet;
    private final Function<Function<String, String>, String> finder;

    /**
     * @param finder from the environment to the tool's path (or URL), null when it is missing
     */
    public RequiredTool(String name, String howToGet, Function<Function<String, String>, String> finder) {
        this.name = name;
        this.howToGet = howToGet;
        this.finder = finder;
    }

    public String name() {
        return name;
    }

    /** The tool's path (or URL); when it is missing, the test is skipped, or fails under the switch. */
    public String require() {
        return require(System::getenv);
    }

    public String require(Function<String, String> env) {
        String found = finder.apply(env);
        if (found == null) {
            missing(name + " is missing: " + howToGet + " (bash .ci/run installs every tool and runs the whole suite)", env);
        }
        return found;
    }

    /**
     * Ends the current test for a reason outside the code: skipped (a JUnit abort), or, when
     * {@value #REQUIRE_ALL}=1, failed. Never returns.
     */
    public static void missing(String reason, Function<String, String> env) {
        String requireAll = env.apply(REQUIRE_ALL);
        if (requireAll != null && !requireAll.isBlank() && !requireAll.equals("0") && !requireAll.equalsIgnoreCase("false")) {
            throw new AssertionError(reason + "; " + REQUIRE_ALL + "=1 requires it");
        }
        Assumptions.abort(reason);
    }

    /** The first executable {@code program} in the environment's PATH, or null. */
    public static String onPath(String program, Function<String, String> env) {
        List<String> all = allOnPath(program, env);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every executable {@code program} in the environment's PATH, in PATH order (like which -a). */
    public static List<String> allOnPath(String program, Function<String, String> env) {
        String path = env.apply("PATH");
        List<String> found = new ArrayList<>();
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            String file = dir.isEmpty() ? null : executable(Path.of(dir, program));
            if (file != null && !found.contains(file)) {
                found.add(file);
            }
        }
        return found;
    }

    private static String executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file) ? file.toAbsolutePath().toString() : null;
    }

    /**
     * The first python3 on PATH that runs {@code code} without an error: a pyenv or virtualenv
     * python3 ahead of the system's often lacks the packages that apt-get put in the system one.
     */
    static String pythonWith(String code, Function<String, String> env) {
        for (String python : allOnPath("python3", env)) {
            if (runs(python, "-c", code)) {
                return python;
            }
        }
        return null;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
