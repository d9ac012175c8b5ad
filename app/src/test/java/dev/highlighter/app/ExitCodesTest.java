package dev.highlighter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes the README promises, from the real launcher in a JVM of its own. */
class ExitCodesTest {

    @TempDir
    Path tmp;

    @Test
    void aRootThatDoesNotExistIsBadUsageAndIsNotCreated() throws Exception {
        Path missing = tmp.resolve("no-such-root");
        ChildJvm.Result r = ChildJvm.run(tmp.resolve("logs1"), Duration.ofSeconds(60),
                "--root", missing.toUri().toString(), "--data-dir", tmp.resolve("data").toString(), "run", "highlights", "--date", "2019-10-03");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("does not exist");
        assertThat(missing).doesNotExist();
        assertThat(tmp.resolve("data")).as("nothing started").doesNotExist();
    }

    @Test
    void anUnknownSchemeIsBadUsageInOneLine() throws Exception {
        ChildJvm.Result r = ChildJvm.run(tmp.resolve("logs2"), Duration.ofSeconds(60), "--root", "nosuch://x", "export", "--date", "2019-10-03");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("no file system for the scheme 'nosuch'");
    }

    @Test
    void anUnknownJobIsBadUsageAndExportOfADateNeverRunSaysSo() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        String[] common = {"--root", root.toUri().toString(), "--data-dir", tmp.resolve("data").toString()};
        ChildJvm.Result unknown = ChildJvm.run(tmp.resolve("logs3"), Duration.ofMinutes(3),
                concat(common, "run", "nosuchjob", "--date", "2019-10-03"));
        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown job 'nosuchjob'");

        ChildJvm.Result export = ChildJvm.run(tmp.resolve("logs4"), Duration.ofMinutes(3), concat(common, "export", "--date", "2019-10-03"));
        assertThat(export.exitCode()).as(export.err()).isEqualTo(1);
        assertThat(export.err()).contains("highlights has never run for 2019-10-03");

        ChildJvm.Result noop = ChildJvm.run(tmp.resolve("logs5"), Duration.ofMinutes(3), concat(common, "run", "highlights", "--date", "2019-10-03"));
        assertThat(noop.exitCode()).as(noop.err()).isEqualTo(4);
        assertThat(noop.out()).contains("highlights 2019-10-03: NOOP");
        assertThat(noop.err()).contains("no VODs for 2019-10-03");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
