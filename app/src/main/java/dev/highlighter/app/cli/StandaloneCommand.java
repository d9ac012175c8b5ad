package dev.highlighter.app.cli;

import dev.highlighter.app.standalone.StandaloneFile;
import dev.highlighter.console.security.ConsoleUsers;
import dev.highlighter.schedules.RunLauncher;
import dev.highlighter.schedules.Schedule;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.hbase.client.Connection;
import org.h2.tools.Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One process that hosts it all, as {@code airflow standalone} does: the embedded HBase and its
 * ZooKeeper, the job repository behind H2's TCP server, the scheduler and the console. Its ports
 * go to {@code data/standalone.properties}, and every other command on the same data folder
 * attaches to them instead of stopping on the locks.
 */
@Command(name = "standalone", mixinStandardHelpOptions = true,
        description = {"Hosts the embedded HBase, the job repository (H2 server), the scheduler and the console",
                "(http://localhost:8080) in one process until stopped. Other commands on the same --data-dir attach to it.",
                "The first start makes an 'admin' console user and prints its password once."})
public class StandaloneCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "The console's HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tick", defaultValue = "PT1S", paramLabel = "DURATION", description = "How often the scheduler checks for due runs.")
    Duration tick;

    @Option(names = "--no-scheduler", description = "Host storage and the console only; schedules do not fire.")
    boolean noScheduler;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // picocli builds every command up front: nothing here may start before this command runs
    @Autowired
    @Lazy
    Connection connection;
    @Autowired
    @Lazy
    Map<String, Schedule> schedules;
    @Autowired
    ObjectProvider<RunLauncher> launcher;
    @Autowired
    ObjectProvider<ConsoleUsers> users;
    @Value("${highlighter.data-dir:data}")
    Path dataDirSetting;
    @Autowired
    Environment environment;
    @Autowired
    ApplicationContext context;

    @Override
    public Integer call() throws Exception {
        Path dataDir = dataDirSetting.toAbsolutePath().normalize();
        int zookeeper = connection.getConfiguration().getInt("hbase.zookeeper.property.clientPort", 0);
        // local connections only (no -tcpAllowOthers); -ifExists: a client cannot create databases
        Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifExists").start();
        RunningScheduler scheduler = noScheduler ? null : new RunningScheduler(schedules, launcher.getObject(), tick);
        int consolePort = environment.getProperty("local.server.port", Integer.class, port);
        new StandaloneFile(ProcessHandle.current().pid(), zookeeper, h2.getPort(), consolePort).write(dataDir);

        PrintWriter out = spec.commandLine().getOut();
        out.printf("Highlighter standalone is up (pid %d, data in %s).%n", ProcessHandle.current().pid(), dataDir);
        out.printf("Console: http://localhost:%d/%n", consolePort);
        users.getObject().firstStartPassword().ifPresentOrElse(
                password -> out.printf("Log in as %s with password %s (shown only now; its bcrypt hash is in %s)%n",
                        ConsoleUsers.ADMIN, password, dataDir.resolve(ConsoleUsers.FILE)),
                () -> out.printf("Log in with the users of %s%n", dataDir.resolve(ConsoleUsers.FILE)));
        out.printf("Other commands with this data folder attach to it (HBase's ZooKeeper on %d, H2 on %d). Ctrl-C stops it.%n",
                zookeeper, h2.getPort());
        out.flush();

        // this command runs inside Boot's command-line runner, which would hold readiness back until it returns
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        // in the shutdown hook itself: the file goes first (no new client attaches), then the schedules and the
        // H2 server with its client sessions, before Spring closes the database and HBase
        RunningScheduler.awaitShutdown(() -> {
            StandaloneFile.delete(dataDir);
            if (scheduler != null) {
                scheduler.close();
            }
            h2.stop();
        });
        return ExitCodes.OK;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
