package dev.highlighter.app.bench;

import dev.highlighter.app.HighlighterMain;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start {@code highlighter} again in a child process: the command that comes before the
 * arguments. From the fat jar it is this JVM's java, flags and {@code -jar}; a test gives its own
 * (its classpath, not surefire's booter jar).
 */
public record Launcher(List<String> prefix) {

    public Launcher {
        prefix = List.copyOf(prefix);
    }

    /** The java, JVM flags and jar (or classpath and main class) this process was started with. */
    public static Launcher ofThisJvm() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp")) { // a debugger port cannot be shared
                command.add(flag);
            }
        }
        String classPath = System.getProperty("java.class.path");
        String started = System.getProperty("sun.java.command", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) && started.startsWith(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, HighlighterMain.class.getName()));
        }
        return new Launcher(command);
    }

    /** {@code highlighter args...}, with stdout and stderr together in {@code log}. */
    public ProcessBuilder command(Path log, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("HIGHLIGHTER_ROOT"); // --root is always given
        return builder;
    }
}
