package dev.highlighter.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.MiniClusters;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.JobTestSupport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HConstants;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka mode on real parts, with real processes: an in-process KRaft broker, the MiniDFS and HBase
 * mini clusters (reached by the children through site files, as in production) and an H2 job
 * repository in TCP server mode. Managers and workers are separate JVMs, killed for real.
 */
class KafkaWorkersTest {

    static final String TOPIC = "it.partitions";
    static final String ROOT = "/highlighter-kafka-it";
    static final List<String> GAMES = List.of("102844212430075086", "102844412709346612", "102844412722519367", "102844341906649746");

    @TempDir
    static Path dir;
    static EmbeddedKafkaKraftBroker broker;
    static Server h2;
    static Map<String, String> env;
    static JobTestSupport hbase;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 6, TOPIC);
        broker.afterPropertiesSet();
        MiniClusters clusters = MiniClusters.get();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", clusters.fileSystem().getUri().toString());
        write(core, conf.resolve("core-site.xml"));
        Configuration site = new Configuration(false);
        Configuration mini = clusters.hbase().getConfiguration();
        site.set(HConstants.ZOOKEEPER_QUORUM, mini.get(HConstants.ZOOKEEPER_QUORUM));
        site.set(HConstants.ZOOKEEPER_CLIENT_PORT, mini.get(HConstants.ZOOKEEPER_CLIENT_PORT));
        site.set(HConstants.ZOOKEEPER_ZNODE_PARENT, mini.get(HConstants.ZOOKEEPER_ZNODE_PARENT, "/hbase"));
        write(site, conf.resolve("hbase-site.xml"));
        env = Map.of("HADOOP_CONF_DIR", conf.toString(), "HBASE_CONF_DIR", conf.toString());
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.resolve("h2").toString()).start();
        HdfsLayout layout = new HdfsLayout(clusters.fileSystem().makeQualified(new org.apache.hadoop.fs.Path(ROOT)));
        hbase = new JobTestSupport(clusters.fileSystem(), layout, clusters.connection());
    }

    @AfterAll
    static void stop() {
        if (h2 != null) {
            h2.stop();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aWorkerKilledMidPartitionIsFailedAndTheRestartCompletesItOnTheOtherWorkerLikeALocalRun() throws Exception {
        LocalDate date = LocalDate.of(2019, 10, 12);
        List<String> vods = put(date, "kill");
        String db = "kill";
        try (ChildJvm w1 = worker("kill-w1", db); ChildJvm w2 = worker("kill-w2", db)) {
            ChildJvm manager = manager("kill-m1", db, date, Map.of());
            long partition = awaitRunningPartition(db, w1.pid(), Duration.ofMinutes(3));
            w1.kill();
            assertThat(manager.awaitExit(Duration.ofMinutes(4))).as("the first run fails the dead worker's partition").isNotZero();
            assertThat(status(db, partition)).isEqualTo("FAILED");
            assertThat(exitMessage(db, partition)).contains("worker gone");

            ChildJvm restart = manager("kill-m2", db, date, Map.of());
            assertThat(restart.awaitExit(Duration.ofMinutes(4))).as(restart.tail()).isZero();
            String name = stepName(db, partition);
            assertThat(statuses(db, name)).containsExactly("FAILED", "COMPLETED");
            // only that partition ran again: every other VOD stage has one execution
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%.vod:%'"))
                    .isEqualTo(vods.size() * 3 + 1);
            assertThat(w2.log()).contains(name.substring(name.indexOf(':') + 1));
        }
        TreeMap<String, String> remote = hbase.snapshot(vods);
        assertThat(remote).isNotEmpty();

        hbase.wipe(vods);
        ChildJvm local = ChildJvm.start("kill-local", dir, env, properties("kill-local", Map.of("highlighter.partitioning", "local")),
                "run", "highlights", "--date", date.toString(), "--root", root());
        assertThat(local.awaitExit(Duration.ofMinutes(4))).as(local.tail()).isZero();
        assertThat(hbase.snapshot(vods)).isEqualTo(remote);
    }

    @Test
    void aWorkerStoppedWithSigtermStopsItsPartitionCleanly() throws Exception {
        LocalDate date = LocalDate.of(2019, 10, 13);
        List<String> vods = put(date, "term");
        String db = "term";
        long partition;
        // chunks of 10 rows: a game's partition takes long enough that the signal lands inside it
        Map<String, String> slow = Map.of("highlighter.chat-chunk-size", "10");
        try (ChildJvm w1 = worker("term-w1", db, slow); ChildJvm w2 = worker("term-w2", db, slow)) {
            ChildJvm manager = manager("term-m1", db, date, slow);
            partition = awaitRunningPartition(db, w1.pid(), Duration.ofMinutes(3));
            long signalled = System.nanoTime();
            w1.terminate();
            w1.awaitExit(Duration.ofSeconds(60));
            long stoppedInMs = (System.nanoTime() - signalled) / 1_000_000;
            System.out.println("term-w1 exited " + stoppedInMs + " ms after SIGTERM");
            assertThat(w1.log()).contains("stopping partition");
            assertThat(stoppedInMs).as("a chunk of 10 rows, not the rest of the partition, stands between SIGTERM and exit").isLessThan(20_000);
            assertThat(status(db, partition)).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM HIGHLIGHTER_HEARTBEAT WHERE KIND = 'STEP' AND EXECUTION_ID = " + partition)).isZero();
            // the other worker takes the requests w1 had not started; the stopped partition makes the run STOPPED
            assertThat(manager.awaitExit(Duration.ofMinutes(4))).as(manager.tail()).isNotZero();
            assertThat(w2.alive()).isTrue();
            ChildJvm restart = manager("term-m2", db, date, Map.of());
            assertThat(restart.awaitExit(Duration.ofMinutes(4))).as(restart.tail()).isZero();
        }
        assertThat(statuses(db, stepName(db, partition))).containsExactly("STOPPED", "COMPLETED");
        for (String vod : vods) {
            assertThat(hbase.rows(dev.highlighter.core.HBaseSchema.HIGHLIGHTS, vod)).as(vod).isPositive();
        }
    }

    @Test
    void aManagerKilledWhileWorkersRunIsRecoveredAndRestartedAndARepeatedRequestIsANoOp() throws Exception {
        LocalDate date = LocalDate.of(2019, 10, 14);
        List<String> vods = put(date, "mgr");
        String db = "mgr";
        try (ChildJvm w1 = worker("mgr-w1", db); ChildJvm w2 = worker("mgr-w2", db)) {
            ChildJvm manager = manager("mgr-m1", db, date, Map.of());
            awaitRunningPartition(db, w1.pid(), Duration.ofMinutes(3));
            manager.kill();
            ChildJvm restart = manager("mgr-m2", db, date, Map.of());
            assertThat(restart.awaitExit(Duration.ofMinutes(5))).as(restart.tail()).isZero();
            for (String vod : vods) {
                assertThat(hbase.rows(dev.highlighter.core.HBaseSchema.HIGHLIGHTS, vod)).as(vod).isPositive();
            }

            // Kafka delivers at least once: the same request again, after its partition completed, is a no-op
            long done = Long.parseLong(one(db, "SELECT MAX(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'chatFeatures.vod:%'"));
            String name = stepName(db, done);
            TreeMap<String, String> before = hbase.snapshot(vods);
            long executions = count(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION");
            redeliver("it." + db, done, name);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String ignored = "Ignoring a repeated request for " + name + " (step execution " + done + "): it is already COMPLETED";
            while (!(w1.log() + w2.log()).contains(ignored) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(w1.log() + w2.log()).contains(ignored);
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isEqualTo(executions);
            assertThat(statuses(db, name)).containsExactly("COMPLETED");
            assertThat(hbase.snapshot(vods)).isEqualTo(before);
        }
    }

    /** A request as the manager sends it: keyed by step execution, the step's name, this version's header. */
    private static void redeliver(String topic, long stepExecution, String stepName) throws Exception {
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class,
                org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config)) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, Long.toString(stepExecution), stepName);
            record.headers().add(dev.highlighter.jobs.remote.PartitionRequests.VERSION_HEADER, "it-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private List<String> put(LocalDate date, String prefix) throws Exception {
        List<String> vods = new ArrayList<>();
        for (String game : GAMES) {
            String vod = prefix + "-" + game;
            hbase.put("lolesports", date, vod + ".chat.csv", SharedData.lolChat().resolve(game + ".csv"));
            vods.add(vod);
        }
        return vods;
    }

    private ChildJvm worker(String name, String db) throws Exception {
        return worker(name, db, Map.of());
    }

    private ChildJvm worker(String name, String db, Map<String, String> extra) throws Exception {
        ChildJvm worker = ChildJvm.start(name, dir, env, properties(db, extra), "worker", "--root", root());
        worker.awaitLog("listening on topic", Duration.ofMinutes(2));
        return worker;
    }

    private ChildJvm manager(String name, String db, LocalDate date, Map<String, String> extra) throws Exception {
        return ChildJvm.start(name, dir, env, properties(db, extra), "run", "highlights", "--date", date.toString(), "--root", root());
    }

    private static Map<String, String> properties(String db, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("highlighter.partitioning", "kafka");
        p.put("highlighter.kafka.bootstrap-servers", broker.getBrokersAsString());
        p.put("highlighter.kafka.topic", "it." + db); // a topic per repository: another test's requests name other executions
        p.put("highlighter.kafka.topic-partitions", "6");
        p.put("highlighter.kafka.group-id", "it-" + db);
        p.put("highlighter.kafka.poll-interval", "PT0.5S");
        p.put("highlighter.version", "it-1");
        p.put("highlighter.workers", "1");
        // small chunks: a partition takes long enough to be killed in the middle
        p.put("highlighter.chat-chunk-size", "100");
        p.put("highlighter.heartbeat.interval", "PT1S");
        p.put("highlighter.heartbeat.stale-after", "PT10S");
        p.put("spring.datasource.url", url(db));
        p.putAll(extra);
        return p;
    }

    private static String root() {
        return MiniClusters.get().fileSystem().getUri() + ROOT;
    }

    private static String url(String db) {
        return "jdbc:h2:tcp://localhost:" + h2.getPort() + "/" + db;
    }

    /** A partition this worker process has begun (its STEP heartbeat), returned while it runs. */
    private static long awaitRunningPartition(String db, long pid, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url(db), "sa", "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT EXECUTION_ID FROM HIGHLIGHTER_HEARTBEAT WHERE KIND = 'STEP' AND PID = " + pid)) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                // the table is created by the first process to start
            }
            Thread.sleep(100);
        }
        throw new AssertionError("worker " + pid + " ran no partition within " + within.toSeconds() + " s");
    }

    private static String status(String db, long stepExecution) throws Exception {
        return one(db, "SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = " + stepExecution);
    }

    private static String exitMessage(String db, long stepExecution) throws Exception {
        return one(db, "SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = " + stepExecution);
    }

    private static String stepName(String db, long stepExecution) throws Exception {
        return one(db, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = " + stepExecution);
    }

    private static List<String> statuses(String db, String stepName) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(db), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
                     + stepName + "' ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long count(String db, String sql) throws Exception {
        return Long.parseLong(one(db, sql));
    }

    private static String one(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db), "sa", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void write(Configuration c, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            c.writeXml(out);
        }
    }
}
