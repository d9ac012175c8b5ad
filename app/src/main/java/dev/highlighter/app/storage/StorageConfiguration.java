package dev.highlighter.app.storage;

import dev.highlighter.core.HBaseTables;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterProperties;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.highlighter.app.standalone.Attach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Where the files and the HBase tables are. With {@code HADOOP_CONF_DIR} / {@code HBASE_CONF_DIR}
 * set, their site files name the clusters. Without them, the embedded default: Hadoop's local
 * FileSystem under {@code data/fs} and a standalone HBase under {@code data/hbase}, in process.
 * Tests set {@code highlighter.storage=provided} and supply their own mini clusters instead.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "highlighter.storage", havingValue = "auto", matchIfMissing = true)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    StorageMode storageMode() {
        return StorageMode.fromEnvironment(System.getenv());
    }

    @Bean
    @ConditionalOnMissingBean
    FileSystem fileSystem(StorageMode mode, HighlighterProperties props) throws IOException {
        Configuration conf = new Configuration();
        mode.hadoopSiteFiles().forEach(conf::addResource);
        // Spring closes it, after the run (or a worker's partitions) stopped; Hadoop's own shutdown hook would
        // close it under a run that is still writing its last chunk on SIGTERM
        conf.setBoolean("fs.automatic.close", false);
        URI root = URI.create(rootUri(mode, props));
        log.info("File system root {}", root);
        return FileSystem.get(root, conf);
    }

    @Bean
    @ConditionalOnMissingBean
    HdfsLayout hdfsLayout(StorageMode mode, HighlighterProperties props) throws IOException {
        String root = rootUri(mode, props);
        boolean embeddedDefault = props.root() == null || props.root().isBlank();
        if (embeddedDefault && root.startsWith("file:")) {
            Files.createDirectories(Path.of(URI.create(root))); // a root the user names is checked, never created
        }
        return new HdfsLayout(root);
    }

    @Bean
    @ConditionalOnMissingBean
    StorageFaults storageFaults(HighlighterProperties props) {
        return new StorageFaults(props.dataDir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Lazy
    EmbeddedHBase embeddedHBase(HighlighterProperties props, StorageFaults faults) {
        return new EmbeddedHBase(props.dataDir(), faults);
    }

    /**
     * The connection depends on the embedded HBase, so Spring closes it first and stops HBase after.
     * A storage fault closes it at once: every call waiting on HBase then fails now, instead of
     * after its retries, and the command names the fault.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Lazy
    Connection hbaseConnection(StorageMode mode, org.springframework.beans.factory.ObjectProvider<EmbeddedHBase> embedded,
                               StorageFaults faults,
                               @Value("${" + Attach.ZOOKEEPER_PORT + ":0}") int standaloneZookeeper,
                               @Value("${highlighter.storage.ensure-tables:true}") boolean ensureTables) throws IOException {
        Configuration conf;
        if (mode.embedded() && standaloneZookeeper > 0) {
            log.info("Attached to the standalone process's HBase (ZooKeeper on port {})", standaloneZookeeper);
            conf = HBaseConfiguration.create();
            conf.set("hbase.zookeeper.quorum", "localhost");
            conf.setInt("hbase.zookeeper.property.clientPort", standaloneZookeeper);
        } else if (mode.embedded()) {
            conf = embedded.getObject().start();
        } else {
            conf = HBaseConfiguration.create();
            mode.hbaseSiteFiles().forEach(conf::addResource);
        }
        boundFailures(conf);
        Connection connection = ConnectionFactory.createConnection(conf);
        faults.onFault(() -> {
            try {
                connection.close();
            } catch (IOException e) {
                log.warn("closing the HBase connection after a storage fault failed: {}", e.toString());
            }
        });
        if (!mode.embedded() || standaloneZookeeper > 0) { // this process's own embedded HBase is watched from inside (EmbeddedHBase)
            HBaseWatch.start(connection, java.time.Duration.ofMillis(conf.getLong("hbase.client.operation.timeout", 120_000)), faults,
                    conf.get("hbase.zookeeper.quorum") + ":" + conf.get("hbase.zookeeper.property.clientPort", "2181"));
        }
        if (ensureTables) { // off for a read command attached to a standalone: it made the tables when it started
            HBaseTables.ensure(connection);
        }
        return connection;
    }

    /**
     * HBase's client defaults retry for up to 20 minutes, so a full disk or a dead region server
     * looks like a hang. These bound an operation to two minutes (README, "Failure and recovery");
     * a site file that sets them wins.
     */
    static void boundFailures(Configuration conf) {
        setIfUnset(conf, "hbase.client.retries.number", "10");
        setIfUnset(conf, "hbase.client.pause", "200");
        setIfUnset(conf, "hbase.rpc.timeout", "20000");
        setIfUnset(conf, "hbase.client.operation.timeout", "120000");
        setIfUnset(conf, "hbase.client.meta.operation.timeout", "120000");
    }

    private static void setIfUnset(Configuration conf, String key, String value) {
        if (conf.get(key) == null || conf.getPropertySources(key) == null
                || java.util.Arrays.stream(conf.getPropertySources(key)).allMatch(s -> s.contains("default"))) {
            conf.set(key, value);
        }
    }

    static String rootUri(StorageMode mode, HighlighterProperties props) {
        if (props.root() != null && !props.root().isBlank()) {
            return props.root();
        }
        if (mode.embedded()) {
            File fs = props.dataDir().resolve("fs").toAbsolutePath().normalize().toFile();
            return fs.toURI().toString();
        }
        return "/highlighter"; // on the cluster's default file system
    }
}
