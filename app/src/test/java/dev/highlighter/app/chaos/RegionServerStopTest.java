package dev.highlighter.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.ChildJvm;
import dev.highlighter.app.bench.ChaosRun;
import dev.highlighter.core.HBaseSchema;
import dev.highlighter.core.testing.MiniClusters;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.MiniHBaseCluster;
import org.apache.hadoop.hbase.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region server of a real HBase (the mini cluster, used as an external cluster through
 * hbase-site.xml, as in production) stops while {@code run highlights} writes: the client
 * retries, then after the operation timeout the run fails with a message that names HBase, and
 * the process exits. With a region server back, the same command completes and the export equals
 * the clean run's. A replacement region server is started whatever happens, so the shared mini
 * cluster stays usable for the other tests of this JVM.
 */
class RegionServerStopTest {

    /** The operation timeout this test gives the client (the default is two minutes), to keep it short. */
    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void aStoppedRegionServerFailsTheRunNamingHBaseAndTheRunAfterItIsBackIsExact() throws Exception {
        ChaosRun.Reference clean = ChaosFixture.get().reference();
        MiniClusters clusters = MiniClusters.get();
        Map<String, String> env = Map.of("HBASE_CONF_DIR", siteFiles(clusters).toString());
        String date = ChaosFixture.DATE.toString();
        String[] run = {"--root", clean.root().toUri().toString(), "--data-dir", tmp.resolve("data").toString(),
                "run", "highlights", "--date", date, "--no-reel"};
        MiniHBaseCluster hbase = clusters.hbase().getMiniHBaseCluster();
        try {
            Process victim = ChildJvm.start(tmp.resolve("stopped"), env, run);
            awaitLine(tmp.resolve("stopped/out.txt"), "chatFeatures.vod:", victim, Duration.ofMinutes(4));
            long t0 = System.nanoTime();
            hbase.stopRegionServer(0);
            hbase.waitOnRegionServer(0);
            ChildJvm.Result failed = ChildJvm.finish(victim, tmp.resolve("stopped"), Duration.ofMinutes(4), run);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("Region server stopped: the run exited %d %.1f s later; stderr:%n%s%n", failed.exitCode(),
                    took.toMillis() / 1000.0, failed.err());

            assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
            assertThat(failed.err()).contains("HBase at ").contains("no live region server");
            assertThat(took).as("retries for the operation timeout, then a clean failure").isLessThan(OPERATION_TIMEOUT.multipliedBy(4));
        } finally {
            replaceRegionServer(clusters);
        }

        ChildJvm.Result again = ChildJvm.finish(ChildJvm.start(tmp.resolve("again"), env, run), tmp.resolve("again"), Duration.ofMinutes(5), run);
        assertThat(again.exitCode()).as(again.err()).isZero();
        Path export = tmp.resolve("export.csv");
        String[] exportArgs = {"--root", clean.root().toUri().toString(), "--data-dir", tmp.resolve("data").toString(),
                "export", "--date", date, "--out", export.toString()};
        ChildJvm.Result exported = ChildJvm.finish(ChildJvm.start(tmp.resolve("export"), env, exportArgs), tmp.resolve("export"),
                Duration.ofMinutes(5), exportArgs);
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.mismatch(export, clean.export())).as("export after the restart equals the clean run's").isEqualTo(-1L);
    }

    /** A new region server, and every region of meta and the application's tables open on it. */
    private static void replaceRegionServer(MiniClusters clusters) throws Exception {
        MiniHBaseCluster hbase = clusters.hbase().getMiniHBaseCluster();
        if (hbase.getLiveRegionServerThreads().isEmpty()) {
            hbase.startRegionServer();
        }
        clusters.hbase().waitUntilAllRegionsAssigned(TableName.META_TABLE_NAME, 120_000);
        for (TableName table : new TableName[] {HBaseSchema.WINDOWS, HBaseSchema.HIGHLIGHTS, HBaseSchema.VODS}) {
            clusters.hbase().waitUntilAllRegionsAssigned(table, 120_000);
        }
        clusters.hbase().waitUntilNoRegionsInTransition(120_000);
    }

    /** hbase-site.xml naming the mini cluster, with the test's operation timeout. */
    private Path siteFiles(MiniClusters clusters) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        Configuration mini = clusters.hbase().getConfiguration();
        Configuration site = new Configuration(false);
        site.set(HConstants.ZOOKEEPER_QUORUM, mini.get(HConstants.ZOOKEEPER_QUORUM));
        site.set(HConstants.ZOOKEEPER_CLIENT_PORT, mini.get(HConstants.ZOOKEEPER_CLIENT_PORT));
        site.set(HConstants.ZOOKEEPER_ZNODE_PARENT, mini.get(HConstants.ZOOKEEPER_ZNODE_PARENT, "/hbase"));
        site.setLong("hbase.client.operation.timeout", OPERATION_TIMEOUT.toMillis());
        site.setLong("hbase.client.meta.operation.timeout", OPERATION_TIMEOUT.toMillis());
        try (OutputStream out = Files.newOutputStream(dir.resolve("hbase-site.xml"))) {
            site.writeXml(out);
        }
        return dir;
    }

    private static void awaitLine(Path log, String text, Process process, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the run ended (exit " + process.exitValue() + ") before '" + text + "': " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("no '" + text + "' in " + log + " within " + timeout);
    }
}
