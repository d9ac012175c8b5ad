package dev.highlighter.core.testing;

import dev.highlighter.core.HBaseTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.StartMiniClusterOption;
import org.apache.hadoop.hbase.client.Connection;

/**
 * A real HDFS (MiniDFSCluster) and a real HBase (the HBase mini cluster) in this JVM, started once
 * and shared by every test class: they take seconds to start, and a MiniDFSCluster shut down
 * mid-JVM breaks a later HBase mini cluster (DESIGN.md). They stop when the JVM exits.
 */
public final class MiniClusters {

    private static MiniClusters instance;

    private final HBaseTestingUtility hbase;
    private final Connection connection;
    private final FileSystem fs;

    private MiniClusters() throws Exception {
        long t0 = System.nanoTime();
        hbase = new HBaseTestingUtility();
        Configuration conf = hbase.getConfiguration();
        // the web UIs cost 14 s of start-up and nothing in tests
        conf.setInt("hbase.master.info.port", -1);
        conf.setInt("hbase.regionserver.info.port", -1);
        conf.setInt("dfs.namenode.http-address.port", 0);
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        hbase.startMiniCluster(StartMiniClusterOption.builder().numMasters(1).numRegionServers(1).numDataNodes(1).build());
        connection = hbase.getConnection();
        fs = hbase.getDFSCluster().getFileSystem();
        HBaseTables.ensure(connection);
        System.out.printf("Mini clusters up in %d ms: HDFS %s, HBase ZooKeeper port %d%n", (System.nanoTime() - t0) / 1_000_000,
                fs.getUri(), hbase.getZkCluster().getClientPort());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "mini-clusters-stop"));
    }

    public static synchronized MiniClusters get() {
        if (instance == null) {
            try {
                instance = new MiniClusters();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the HDFS and HBase mini clusters: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** The real HDFS of the mini cluster. */
    public FileSystem fileSystem() {
        return fs;
    }

    public Connection connection() {
        return connection;
    }

    public HBaseTestingUtility hbase() {
        return hbase;
    }

    private void stop() {
        try {
            hbase.shutdownMiniCluster();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
