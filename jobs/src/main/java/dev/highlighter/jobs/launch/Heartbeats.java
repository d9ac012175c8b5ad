package dev.highlighter.jobs.launch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heartbeats of running executions, in the job repository's own database, next to Spring
 * Batch's tables: one row per execution (a job, or a partition on a worker) with host, pid, start
 * and last beat. It is the one rule for "is that run still alive?", used wherever a STARTED
 * execution is met: run, trigger, backfill, the scheduler, the console and remote workers.
 */
public class Heartbeats {

    /** Whose heartbeat a row is. */
    public enum Kind { JOB, STEP }

    private static final String TABLE = "HIGHLIGHTER_HEARTBEAT";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final String host;
    private final long pid;

    public Heartbeats(DataSource dataSource, Clock clock, Duration staleAfter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.host = localHost();
        this.pid = ProcessHandle.current().pid();
        // plain SQL that H2 and PostgreSQL both take; created next to Batch's tables on first use
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (KIND VARCHAR(8) NOT NULL, EXECUTION_ID BIGINT NOT NULL,"
                + " HOST VARCHAR(255) NOT NULL, PID BIGINT NOT NULL, STARTED TIMESTAMP NOT NULL, LAST_BEAT TIMESTAMP NOT NULL,"
                + " PRIMARY KEY (KIND, EXECUTION_ID))");
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** This process now runs the execution. */
    public void begin(Kind kind, long executionId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM " + TABLE + " WHERE KIND = ? AND EXECUTION_ID = ?", kind.name(), executionId);
        jdbc.update("INSERT INTO " + TABLE + " (KIND, EXECUTION_ID, HOST, PID, STARTED, LAST_BEAT) VALUES (?, ?, ?, ?, ?, ?)",
                kind.name(), executionId, host, pid, now, now);
    }

    public void beat(Kind kind, long executionId) {
        jdbc.update("UPDATE " + TABLE + " SET LAST_BEAT = ? WHERE KIND = ? AND EXECUTION_ID = ?",
                Timestamp.from(clock.instant()), kind.name(), executionId);
    }

    /** The execution ended here; its row goes, so a later look finds no claim on it. */
    public void end(Kind kind, long executionId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE KIND = ? AND EXECUTION_ID = ?", kind.name(), executionId);
    }

    public Optional<Heartbeat> find(Kind kind, long executionId) {
        List<Heartbeat> rows = jdbc.query("SELECT EXECUTION_ID, HOST, PID, STARTED, LAST_BEAT FROM " + TABLE
                        + " WHERE KIND = ? AND EXECUTION_ID = ?",
                (rs, i) -> new Heartbeat(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()),
                kind.name(), executionId);
        return rows.stream().findFirst();
    }

    /**
     * Whether the process that runs an execution is alive. Gone when its heartbeat is older than
     * {@link #staleAfter()}, or when it ran on this host and its pid is gone (or now names a
     * process that started later). An execution with no heartbeat at all is judged by when the
     * repository last saw it change.
     *
     * @param lastUpdated when Spring Batch last wrote the execution (or created it)
     */
    public Liveness liveness(Kind kind, long executionId, Instant lastUpdated) {
        Instant now = clock.instant();
        Optional<Heartbeat> found = find(kind, executionId);
        if (found.isEmpty()) {
            Duration quiet = lastUpdated == null ? staleAfter.plusSeconds(1) : Duration.between(lastUpdated, now);
            return quiet.compareTo(staleAfter) > 0
                    ? Liveness.gone(null, "it has no heartbeat and was last updated " + seconds(quiet) + " ago")
                    : Liveness.alive(null);
        }
        Heartbeat beat = found.get();
        if (beat.host().equals(host) && !processAlive(beat)) {
            return Liveness.gone(beat, "its process (pid " + beat.pid() + " on " + beat.host() + ") is gone");
        }
        Duration age = Duration.between(beat.lastBeat(), now);
        if (age.compareTo(staleAfter) > 0) {
            return Liveness.gone(beat, "its last heartbeat from pid " + beat.pid() + " on " + beat.host() + " was " + seconds(age) + " ago");
        }
        return Liveness.alive(beat);
    }

    private static boolean processAlive(Heartbeat beat) {
        Optional<ProcessHandle> process = ProcessHandle.of(beat.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        // a recycled pid: a process that started after the heartbeat did is not the one that wrote it
        return process.get().info().startInstant().map(start -> !start.isAfter(beat.started().plusSeconds(1))).orElse(true);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
            return name.substring(name.indexOf('@') + 1);
        }
    }

    /** Alive (with its heartbeat, if it has written one yet) or gone, with why. */
    public record Liveness(boolean alive, Heartbeat heartbeat, String reason) {

        static Liveness alive(Heartbeat heartbeat) {
            return new Liveness(true, heartbeat, null);
        }

        static Liveness gone(Heartbeat heartbeat, String reason) {
            return new Liveness(false, heartbeat, reason);
        }
    }
}
