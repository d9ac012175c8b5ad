package dev.highlighter.core.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names every skipped test and why on the build's console. Surefire's console gives only a count
 * of skipped tests, and test output goes to files (redirectTestOutputToFile); but Surefire passes
 * the test JVM's own stderr through to Maven's, so the list is written there when the module's
 * tests end. Registered for every module that uses core's test-jar (META-INF/services).
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private final String module;
    private final Consumer<List<String>> console;
    private final Map<String, List<String>> testsByReason = new LinkedHashMap<>();
    private TestPlan plan;

    /** As the launcher finds it: the module is the working directory's name (Surefire runs in the module). */
    public SkippedTestsReport() {
        this(Path.of("").toAbsolutePath().getFileName().toString(), SkippedTestsReport::toNativeStderr);
    }

    public SkippedTestsReport(String module, Consumer<List<String>> console) {
        this.module = module;
        this.console = console;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        testsByReason.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        add(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            add(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<String> lines = lines();
        if (!lines.isEmpty()) {
            console.accept(lines);
        }
    }

    /** FileDescriptor.err, not System.err: Surefire sends System.err to the report files. */
    private static void toNativeStderr(List<String> lines) {
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.UTF_8);
        lines.forEach(stderr::println);
        stderr.flush();
    }

    /** The report: per reason, a line with the count and the reason, then its tests in name order. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        testsByReason.forEach((reason, tests) -> {
            lines.add("[WARNING] " + tests.size() + (tests.size() == 1 ? " test" : " tests") + " of " + module
                    + " skipped: " + reason);
            tests.stream().sorted().forEach(t -> lines.add("[WARNING]   " + t));
        });
        return lines;
    }

    private void add(TestIdentifier test, String reason) {
        testsByReason.computeIfAbsent(reason == null || reason.isBlank() ? "no reason given" : reason, r -> new ArrayList<>())
                .add(describe(test));
    }

    /** ModelFileTest.loadsInXgboostsPythonPackage, with the arguments of a parameterized run. */
    private String describe(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            String name = simple(method.getClassName()) + "." + method.getMethodName();
            Optional<TestSource> parent = plan == null ? Optional.empty() : plan.getParent(test).flatMap(TestIdentifier::getSource);
            return parent.equals(source) ? name + " " + test.getDisplayName() : name;
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return simple(type.getClassName()) + " (all its tests)";
        }
        return test.getDisplayName();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
