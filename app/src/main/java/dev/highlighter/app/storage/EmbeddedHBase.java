package dev.highlighter.app.storage;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.LocalHBaseCluster;
import org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HBase in standalone mode inside this process, with its data under {@code data/hbase}:
 * what {@code hbase master start} does on one machine. It survives restarts of the command
 * (the WAL is replayed after a kill). Single-process: an exclusive lock on the data folder keeps
 * a second process out, because two on one folder would corrupt it.
 */
public class EmbeddedHBase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedHBase.class);

    /** How long a stop may take; a clean one takes a few seconds. */
    static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(20);

    /** How long the master may take to come up; under heavy load it takes a minute. */
    static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final Path dataDir;
    private final StorageFaults faults;
    private FileChannel lockChannel;
    private FileLock lock;
    private MiniZooKeeperCluster zookeeper;
    private volatile LocalHBaseCluster cluster;
    private Configuration conf;
    private ScheduledExecutorService watch;

    public EmbeddedHBase(Path dataDir) {
        this(dataDir, new StorageFaults(dataDir));
    }

    /** @param faults where a full disk or an aborted server is reported, as soon as the watch sees it */
    public EmbeddedHBase(Path dataDir, StorageFaults faults) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.faults = faults;
    }

    public synchronized Configuration start() {
        if (conf != null) {
            return conf;
        }
        long t0 = System.nanoTime();
        log.info("Starting the embedded HBase in {}", dataDir.resolve("hbase"));
        try {
            Files.createDirectories(dataDir);
            lockDataDir();
            // HBase 2.x keeps nothing it needs in ZooKeeper; stale state after a kill -9 costs 10 s
            deleteRecursively(dataDir.resolve("zookeeper"));
            DefaultMetricsSystem.setMiniClusterMode(true);
            Configuration c = HBaseConfiguration.create();
            c.set("hbase.rootdir", dataDir.resolve("hbase").toUri().toString());
            c.setBoolean("hbase.cluster.distributed", false);
            c.setBoolean("hbase.unsafe.stream.capability.enforce", false);
            c.set("hbase.zookeeper.quorum", "localhost");
            c.set("hbase.zookeeper.property.dataDir", dataDir.resolve("zookeeper").toString());
            c.set("hbase.tmp.dir", dataDir.resolve("tmp").toString());
            c.setInt("hbase.master.info.port", -1);
            c.setInt("hbase.regionserver.info.port", -1);
            c.setBoolean("hbase.localcluster.assign.random.ports", true);
            c.setInt("hbase.master.wait.on.regionservers.mintostart", 1);
            c.setInt("hbase.master.wait.on.regionservers.maxtostart", 1);
            c.setInt("hbase.regionserver.msginterval", 500);
            // LocalHBaseCluster gives its master 30 s to become active; a loaded 2-core machine took longer
            // (bench chaos: "Master not active after 30000ms"), so it waits as long as awaitMaster does
            c.setInt("hbase.master.start.timeout.localHBaseCluster", (int) START_TIMEOUT.toMillis());
            c.setInt("hbase.master.init.timeout.localHBaseCluster", (int) START_TIMEOUT.toMillis());
            // the region server shares the job's heap. Its memstores may take 40% of it and its block
            // cache another 40% by default: most of a 200-VOD day's 890-950 MB peak. A fifth and a
            // tenth leave the running VODs theirs, whatever the night's volume.
            c.setFloat("hbase.regionserver.global.memstore.size", 0.2f);
            c.setFloat("hfile.block.cache.size", 0.1f);
            c.setLong("hbase.master.cleaner.interval", 10_000);
            c.setLong("hbase.master.logcleaner.ttl", 10_000);
            c.setLong("hbase.master.hfilecleaner.ttl", 10_000);
            // HBase's own JVM shutdown hook would stop the region server under a run that is still
            // stopping (SIGTERM); the application stops HBase itself, after the run. Nor may
            // Hadoop's hook close the file system under it.
            c.setBoolean("hbase.shutdown.hook", false);
            c.setBoolean("fs.automatic.close", false);
            int port = freePort();
            zookeeper = new MiniZooKeeperCluster(c);
            zookeeper.setDefaultClientPort(port);
            zookeeper.startup(dataDir.resolve("zookeeper").toFile());
            c.setInt("hbase.zookeeper.property.clientPort", port);
            cluster = new LocalHBaseCluster(c, 1, 1);
            cluster.startup();
            awaitMaster(t0);
            conf = c;
            watch();
            log.info("Embedded HBase is up in {} ms, data in {}", (System.nanoTime() - t0) / 1_000_000, dataDir.resolve("hbase"));
            return c;
        } catch (IOException | RuntimeException e) {
            close();
            String why = DiskSpace.full(dataDir).orElse(e.getMessage());
            throw new IllegalStateException("cannot start the embedded HBase in " + dataDir + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the embedded HBase was starting", e);
        }
    }

    /** The master is up, or the reason it cannot come up: a full disk, a master that died, or the time limit. */
    private void awaitMaster(long t0) throws InterruptedException {
        while (cluster.getActiveMaster() == null || !cluster.getActiveMaster().isInitialized()) {
            Optional<String> full = DiskSpace.full(dataDir);
            if (full.isPresent()) {
                throw new IllegalStateException(full.get());
            }
            if (!cluster.getMasters().isEmpty() && cluster.getLiveMasters().isEmpty()) {
                throw new IllegalStateException("its master stopped while starting (the reason is in the log above)");
            }
            if (System.nanoTime() - t0 > START_TIMEOUT.toNanos()) {
                throw new IllegalStateException("its master did not come up within " + START_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Every second: is the disk under the data folder full, has the region server aborted? Either
     * is reported at once, so that a run fails now, naming the cause, instead of after the
     * client's retries end in a message about a closed connection.
     */
    private void watch() {
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-hbase-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(() -> {
            LocalHBaseCluster running = cluster;
            if (running == null) {
                return;
            }
            Optional<String> full = DiskSpace.full(dataDir);
            if (full.isPresent()) {
                faults.record(full.get() + ": the embedded HBase and the job repository cannot write there", StorageFaults.FREE_SPACE);
            } else if (running.getRegionServers().stream().anyMatch(t -> t.getRegionServer().isAborted())) {
                faults.record("the embedded HBase's region server in " + dataDir + " aborted (its reason is in the log above)",
                        "run the same command again: HBase replays its write-ahead log and the run restarts where it stopped");
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void lockDataDir() throws IOException {
        lockChannel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException(dataDir + " is in use by another highlighter process; the embedded mode is"
                    + " single-process (set highlighter.data-dir to another folder, or wait for it to finish)");
        }
    }

    /**
     * Stops HBase, waiting at most {@link #STOP_TIMEOUT}: a region server that cannot write its
     * last flush (a full disk) would otherwise hold the process forever. What it did not flush is
     * in its write-ahead log, replayed on the next start, as after a kill.
     */
    @Override
    public synchronized void close() {
        long t0 = System.nanoTime();
        if (watch != null) {
            watch.shutdownNow();
            watch = null;
        }
        LocalHBaseCluster stopping = cluster;
        MiniZooKeeperCluster zk = zookeeper;
        cluster = null;
        zookeeper = null;
        conf = null;
        Thread stopper = new Thread(() -> {
            try {
                if (stopping != null) {
                    stopping.shutdown();
                    stopping.join();
                }
                if (zk != null) {
                    zk.shutdown();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("stopping the embedded HBase failed: {}", e.toString());
            }
        }, "embedded-hbase-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            // the folder stays locked: HBase's threads may still write to it until the process ends
            log.warn("The embedded HBase did not stop within {} s; what it had not flushed is replayed from its write-ahead log"
                    + " on the next start", STOP_TIMEOUT.toSeconds());
            return;
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("releasing the lock on {} failed: {}", dataDir, e.toString());
        }
        lock = null;
        lockChannel = null;
        log.info("Embedded HBase stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
