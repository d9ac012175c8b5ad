package dev.highlighter.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The switch between "skipped, tool missing" and a failure, decided on a made-up environment. */
class RequiredToolTest {

    @TempDir
    Path bin;

    static Function<String, String> env(String... pairs) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map::get;
    }

    Path program(String name, String script) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aMissingToolSkipsTheTestNamingTheToolAndHowToGetIt() {
        assertThatThrownBy(() -> RequiredTool.FFMPEG.require(env("PATH", bin.toString())))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("the ffmpeg CLI").hasMessageContaining("apt-get install ffmpeg")
                .hasMessageContaining("bash .ci/run");
        assertThatThrownBy(() -> RequiredTool.POSTGRES.require(env("HIGHLIGHTER_TEST_PG_URL", " ", RequiredTool.REQUIRE_ALL, "0")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL").hasMessageContaining("bash .ci/postgres.sh");
    }

    @Test
    void underTheSwitchAMissingToolFailsTheTest() {
        for (String on : new String[] {"1", "true"}) {
            assertThatThrownBy(() -> RequiredTool.HELM.require(env("PATH", bin.toString(), RequiredTool.REQUIRE_ALL, on)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("helm").hasMessageContaining("bash .ci/helm.sh")
                    .hasMessageContaining("HIGHLIGHTER_REQUIRE_ALL=1");
        }
        assertThatThrownBy(() -> RequiredTool.missing("the shared test data is not at /nowhere", env(RequiredTool.REQUIRE_ALL, "1")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/nowhere");
    }

    @Test
    void aPresentToolRunsTheTestWithItsPathFromPath() throws IOException {
        Files.createDirectories(bin.resolve("empty"));
        Path ffmpeg = program("ffmpeg", "exit 0");
        String path = bin.resolve("empty") + java.io.File.pathSeparator + bin;
        assertThat(RequiredTool.FFMPEG.require(env("PATH", path, RequiredTool.REQUIRE_ALL, "1"))).isEqualTo(ffmpeg.toString());
        assertThat(RequiredTool.POSTGRES.require(env("HIGHLIGHTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5/h")))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5/h");
        Path helm = program("my-helm", "exit 0");
        assertThat(RequiredTool.HELM.require(env("HELM", helm.toString()))).isEqualTo(helm.toString());
    }

    @Test
    void aFileThatIsNotExecutableIsNotTheTool() throws IOException {
        Files.writeString(bin.resolve("ffmpeg"), "not a program");
        assertThatThrownBy(() -> RequiredTool.FFMPEG.require(env("PATH", bin.toString())))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void pythonCountsOnlyWhenItImportsXgboost() throws IOException {
        Path pyenv = Files.createDirectories(bin.resolve("pyenv"));
        Path system = Files.createDirectories(bin.resolve("system"));
        Files.move(program("python3", "echo \"ModuleNotFoundError: No module named 'xgboost'\"; exit 1"), pyenv.resolve("python3"));
        String path = pyenv.toString();
        assertThatThrownBy(() -> RequiredTool.PYTHON_XGBOOST.require(env("PATH", path)))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("xgboost")
                .hasMessageContaining("apt-get install python3-xgboost");
        Files.move(program("python3", "[ \"$1\" = -c ] && [ \"$2\" = 'import xgboost, numpy' ] && exit 0; exit 1"),
                system.resolve("python3"));
        assertThat(RequiredTool.PYTHON_XGBOOST.require(env("PATH", path + java.io.File.pathSeparator + system)))
                .as("the first python3 on PATH that has xgboost").isEqualTo(system.resolve("python3").toString());
    }
}
