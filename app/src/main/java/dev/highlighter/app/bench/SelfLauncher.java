package dev.highlighter.app.bench;

import dev.highlighter.app.HighlighterMain;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts this same application as a child JVM, as the {@code highlighter} launcher would: the
 * fat jar when running from it, else this JVM's classpath. Benches use it so that each measured
 * run has a JVM, an embedded HBase and a job repository of its own.
 */
public final class SelfLauncher {

    private SelfLauncher() {
    }

    /** The command line for {@code highlighter args...} with extra JVM options first. */
    public static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String open : List.of("java.base/java.nio", "java.base/java.lang", "java.base/java.util",
                "java.base/java.util.concurrent", "java.base/sun.nio.ch")) {
            command.add("--add-opens");
            command.add(open + "=ALL-UNNAMED");
        }
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            command.addAll(List.of("-jar", classpath)); // the fat jar: its own launcher finds the nested jars
        } else {
            command.addAll(List.of("-cp", classpath, HighlighterMain.class.getName()));
        }
        command.addAll(args);
        return command;
    }
}
