package dev.highlighter.app.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.ClusterMetrics;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;

/**
 * Watches an external HBase while this process uses it. A cluster with no live region server, or
 * whose master does not answer, is given as long as one client operation may take (its retries
 * ride out a restart); past that it is a fault that names HBase, and everything still waiting on
 * it fails at once instead of each call waiting out its own retries in turn.
 */
final class HBaseWatch {

    private final Connection connection;
    private final Duration patience;
    private final StorageFaults faults;
    private final String where;
    private final ScheduledExecutorService timer;
    private long unhealthySince = -1;

    private HBaseWatch(Connection connection, Duration patience, StorageFaults faults, String where) {
        this.connection = connection;
        this.patience = patience;
        this.faults = faults;
        this.where = where;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hbase-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching; it stops by itself when the connection is closed. */
    static void start(Connection connection, Duration patience, StorageFaults faults, String where) {
        HBaseWatch watch = new HBaseWatch(connection, patience, faults, where);
        long every = Math.max(1, Math.min(5, patience.toSeconds() / 6));
        watch.timer.scheduleWithFixedDelay(watch::check, every, every, TimeUnit.SECONDS);
    }

    private void check() {
        if (connection.isClosed()) {
            timer.shutdown();
            return;
        }
        String problem;
        try (Admin admin = connection.getAdmin()) {
            ClusterMetrics metrics = admin.getClusterMetrics(EnumSet.of(ClusterMetrics.Option.LIVE_SERVERS));
            problem = metrics.getLiveServerMetrics().isEmpty() ? "no live region server" : null;
        } catch (IOException | RuntimeException e) {
            problem = "a master that does not answer (" + e.getClass().getSimpleName() + ")";
        }
        long now = System.nanoTime();
        if (problem == null) {
            unhealthySince = -1;
            return;
        }
        if (unhealthySince < 0) {
            unhealthySince = now;
        } else if (now - unhealthySince >= patience.toNanos() && !connection.isClosed()) {
            faults.record("HBase at " + where + " has had " + problem + " for " + patience.toSeconds()
                    + " s, the client's operation timeout", "once HBase is back, run the same command again: the run restarts where it stopped");
            timer.shutdown();
        }
    }
}
