package dev.highlighter.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The console list of skipped tests, from a real JUnit run of a few tests that skip. */
class SkippedTestsReportTest {

    /** Run only by the test below (Surefire and Jupiter leave static nested classes alone). */
    static class SomeSkips {
        @Test
        void runs() {
        }

        @Test
        void needsFrobnicator() {
            Assumptions.abort("frobnicator is missing: apt-get install frobnicator");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void needsFrobnicatorTwice(int n) {
            Assumptions.abort("frobnicator is missing: apt-get install frobnicator");
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }
    }

    @Test
    void namesEachSkippedTestUnderItsReason() {
        List<String> console = new ArrayList<>();
        SkippedTestsReport report = new SkippedTestsReport("core", console::addAll);
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SomeSkips.class)).build(), report);
        assertThat(console).containsExactly(
                "[WARNING] 3 tests of core skipped: frobnicator is missing: apt-get install frobnicator",
                "[WARNING]   SkippedTestsReportTest$SomeSkips.needsFrobnicator",
                "[WARNING]   SkippedTestsReportTest$SomeSkips.needsFrobnicatorTwice [1] n = 1",
                "[WARNING]   SkippedTestsReportTest$SomeSkips.needsFrobnicatorTwice [2] n = 2",
                "[WARNING] 1 test of core skipped: not today",
                "[WARNING]   SkippedTestsReportTest$SomeSkips.disabled");
    }
}
