package dev.highlighter.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.MiniClusters;
import dev.highlighter.jobs.HighlighterProperties;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * With HADOOP_CONF_DIR / HBASE_CONF_DIR, the site files name the clusters: here they name the
 * mini clusters, written out the way an operator would.
 */
class ExternalClustersTest {

    @TempDir
    Path conf;

    @Test
    void siteFilesPointTheApplicationAtRealClusters() throws Exception {
        MiniClusters clusters = MiniClusters.get();
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", clusters.fileSystem().getUri().toString());
        write(core, conf.resolve("core-site.xml"));
        Configuration hbase = new Configuration(false);
        Configuration mini = clusters.hbase().getConfiguration();
        hbase.set(HConstants.ZOOKEEPER_QUORUM, mini.get(HConstants.ZOOKEEPER_QUORUM));
        hbase.set(HConstants.ZOOKEEPER_CLIENT_PORT, mini.get(HConstants.ZOOKEEPER_CLIENT_PORT));
        hbase.set(HConstants.ZOOKEEPER_ZNODE_PARENT, mini.get(HConstants.ZOOKEEPER_ZNODE_PARENT, "/hbase"));
        write(hbase, conf.resolve("hbase-site.xml"));

        StorageMode mode = new StorageMode(conf.toString(), conf.toString());
        assertThat(mode.embedded()).isFalse();
        StorageConfiguration storage = new StorageConfiguration();
        // the defaults, bound as the application binds them
        HighlighterProperties props = org.springframework.boot.context.properties.bind.Binder.get(
                new org.springframework.core.env.StandardEnvironment()).bindOrCreate("highlighter", HighlighterProperties.class);

        FileSystem fs = storage.fileSystem(mode, props);
        assertThat(fs.getUri()).isEqualTo(clusters.fileSystem().getUri());
        HdfsLayout layout = storage.hdfsLayout(mode, props);
        assertThat(layout.root().toString()).isEqualTo("/highlighter");

        try (Connection connection = storage.hbaseConnection(mode, new StaticListableBeanFactory().getBeanProvider(EmbeddedHBase.class),
                new StorageFaults(conf), 0, true)) {
            assertThat(connection.getAdmin().tableExists(HBaseSchema.HIGHLIGHTS)).isTrue();
        }
    }

    private static void write(Configuration c, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            c.writeXml(out);
        }
    }
}
