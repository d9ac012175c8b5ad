package dev.highlighter.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phases {@code bench startup} reads from a run's log, on the log of a real embedded run (lines cut at 150 characters). */
class StartupPhasesTest {

    private static final String LOG = """
            11:12:20.319 INFO  HighlighterMain              Starting HighlighterMain v0.1.0-SNAPSHOT using Java 17.0.15 with PID 15671 (/work/wtsu/app/target/cds/
            11:12:20.337 INFO  HighlighterMain              No active profile set, falling back to 1 default profile: "default"
            11:12:24.629 INFO  StorageConfiguration         File system root file:///tmp/highlighter-startup10984118763700251186/root/
            11:12:24.873 WARN  NativeCodeLoader             Unable to load native-hadoop library for your platform... using builtin-java classes where applicable
            11:12:26.542 INFO  HighlighterMain              Started HighlighterMain in 6.693 seconds (process running for 8.401)
            11:12:26.997 INFO  DiscoverVodsTasklet          This run scores channel bench with model rule-v0 (scope default)
            11:12:27.064 INFO  EmbeddedHBase                Starting the embedded HBase in /tmp/highlighter-startup10984118763700251186/data-1/hbase
            11:12:27.347 WARN  ServerCnxnFactory            maxCnxns is not configured, using default value 0.
            11:12:30.310 WARN  MetricsConfig                Cannot locate configuration: tried hadoop-metrics2-hbase.properties,hadoop-metrics2.properties
            11:12:31.256 WARN  ZNodeClearer                 Environment variable HBASE_ZNODE_FILE not set; znodes will not be cleared on crash by start scripts (L
            11:12:32.212 WARN  MasterRegion                 failed to clean up initializing flag: file:/tmp/highlighter-startup10984118763700251186/data-1/hbase/M
            11:12:33.933 WARN  ZNodeClearer                 Environment variable HBASE_ZNODE_FILE not set; znodes will not be cleared on crash by start scripts (L
            11:12:34.118 WARN  AssignmentManager            No servers available; cannot place 1 unassigned regions.
            11:12:36.167 INFO  EmbeddedHBase                Embedded HBase is up in 9103 ms, data in /tmp/highlighter-startup10984118763700251186/data-1/hbase
            11:12:36.322 WARN  ZKConnectionRegistry         ZKConnectionRegistry is deprecated. See https://hbase.apache.org/book.html#client.rpcconnectionregistr
            11:12:38.437 WARN  AssignmentManager            Unable to acquire lock for regionNode state=OPEN, location=localhost,40363,1796209950939, table=highli
            11:12:38.437 WARN  AssignmentManager            Unable to acquire lock for regionNode state=OPEN, location=localhost,40363,1796209950939, table=highli
            11:12:38.919 INFO  HBaseTables                  Created HBase table highlighter:windows
            11:12:40.148 INFO  HBaseTables                  Created HBase table highlighter:highlights
            11:12:40.762 WARN  MetricsConfig                Cannot locate configuration: tried hadoop-metrics2-hbase.properties,hadoop-metrics2.properties
            11:12:40.785 INFO  HBaseTables                  Created HBase table highlighter:vods
            11:12:40.840 INFO  DiscoverVodsTasklet          Found 1 VODs for 2026-01-01 (1 with chat, 0 video only)
            11:12:41.003 INFO  progress                     chatFeatures.vod:102844224147717245 started
            """;

    @Test
    void eachPhaseIsTheTimeBetweenItsLogLines() {
        Map<String, Double> phases = StartupPhases.of(LOG.lines().toList()).seconds();

        assertThat(phases.keySet()).containsExactlyElementsOf(StartupPhases.NAMES);
        assertThat(phases.get("JVM before Spring")).isCloseTo(8.401 - 6.693, within(1e-9));
        assertThat(phases.get("Spring context")).isEqualTo(6.693);
        assertThat(phases.get("job launch (job repository)")).isEqualTo(0.455); // Started .. This run scores
        assertThat(phases.get("HBase start")).isEqualTo(9.103);                 // Starting the embedded HBase .. is up
        assertThat(phases.get("HBase tables")).isEqualTo(4.618);                // is up .. the last Created HBase table
        assertThat(phases.get("first step (discoverVods) without HBase")).isCloseTo(13.843 - 9.103 - 4.618, within(1e-9));
        assertThat(phases.get("first VOD step started at")).isCloseTo(8.401 + 14.461, within(1e-9));
    }

    @Test
    void aLogCutShortGivesOnlyThePhasesItReached() {
        List<String> lines = LOG.lines().limit(7).toList(); // up to "Starting the embedded HBase"

        Map<String, Double> phases = StartupPhases.of(lines).seconds();

        assertThat(phases.keySet()).containsExactly("JVM before Spring", "Spring context", "job launch (job repository)");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(StartupBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
