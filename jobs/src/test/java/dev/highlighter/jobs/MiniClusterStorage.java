package dev.highlighter.jobs;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.MiniClusters;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points the application at the JVM's shared MiniDFSCluster and HBase mini cluster. */
@TestConfiguration(proxyBeanMethods = false)
public class MiniClusterStorage {

    public static final String ROOT = "/highlighter-test";

    @Bean(destroyMethod = "")
    FileSystem fileSystem() {
        return MiniClusters.get().fileSystem();
    }

    @Bean
    HdfsLayout hdfsLayout(FileSystem fs) {
        return new HdfsLayout(fs.makeQualified(new org.apache.hadoop.fs.Path(ROOT)));
    }

    /** Shared by all tests of the JVM: the context must not close it. */
    @Bean(destroyMethod = "")
    Connection hbaseConnection() {
        return MiniClusters.get().connection();
    }
}
