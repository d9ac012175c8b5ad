package dev.highlighter.app.standalone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties that make a command a client of the standalone process that holds its data
 * folder: the job repository through H2's TCP server, HBase through its ZooKeeper. Without a
 * live standalone (or with a job repository or clusters of one's own) nothing changes.
 */
public final class Attach {

    /** Read by StorageConfiguration: connect to this ZooKeeper instead of starting HBase. */
    public static final String ZOOKEEPER_PORT = "highlighter.attach.zookeeper-port";
    /** Read by application.yaml's default job-repository URL. */
    public static final String JOBREPO_URL = "highlighter.attach.jobrepo-url";

    private Attach() {
    }

    public static Map<String, Object> properties(Path dataDir, Map<String, String> env) {
        Map<String, Object> props = new LinkedHashMap<>();
        StandaloneFile.live(dataDir).ifPresent(standalone -> {
            if (blank(env.get("HADOOP_CONF_DIR")) && blank(env.get("HBASE_CONF_DIR"))) {
                props.put(ZOOKEEPER_PORT, standalone.zookeeperPort());
            }
            props.put(JOBREPO_URL, standalone.jdbcUrl(dataDir));
        });
        return props;
    }

    public static Path dataDir(Object fromCli, Map<String, String> env) {
        if (fromCli != null && !fromCli.toString().isBlank()) {
            return Path.of(fromCli.toString());
        }
        String fromEnv = env.get("HIGHLIGHTER_DATA_DIR");
        return Path.of(blank(fromEnv) ? "data" : fromEnv);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
