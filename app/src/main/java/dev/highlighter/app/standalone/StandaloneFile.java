package dev.highlighter.app.standalone;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code data/standalone.properties}: what a running {@code standalone} process hosts for the
 * data folder, so that other commands attach to it instead of failing on its locks. A file whose
 * pid is gone (a killed standalone) is stale and ignored.
 */
public record StandaloneFile(long pid, int zookeeperPort, int h2Port, int consolePort) {

    public static final String NAME = "standalone.properties";

    public static Path path(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The file of a standalone process that is still alive, if there is one. */
    public static Optional<StandaloneFile> live(Path dataDir) {
        return read(dataDir).filter(StandaloneFile::alive);
    }

    static Optional<StandaloneFile> read(Path dataDir) {
        Path file = path(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new StandaloneFile(Long.parseLong(p.getProperty("pid")), Integer.parseInt(p.getProperty("zookeeper.port")),
                    Integer.parseInt(p.getProperty("h2.port")), Integer.parseInt(p.getProperty("console.port", "0"))));
        } catch (IOException | RuntimeException e) {
            // half-written or hand-edited: treat as absent, the embedded stack then starts (and takes the locks)
            return Optional.empty();
        }
    }

    /** Written to a temporary name and moved, so a reader never sees half a file. */
    public void write(Path dataDir) {
        Properties p = new Properties();
        p.setProperty("pid", String.valueOf(pid));
        p.setProperty("zookeeper.port", String.valueOf(zookeeperPort));
        p.setProperty("h2.port", String.valueOf(h2Port));
        p.setProperty("console.port", String.valueOf(consolePort));
        Path tmp = dataDir.resolve(NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp)) {
            p.store(out, "written by './highlighter standalone'; other commands on this data folder attach to it");
            out.close();
            Files.move(tmp, path(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path(dataDir) + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(path(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The job repository as a client sees it: the H2 server's TCP port, the same database file. */
    public String jdbcUrl(Path dataDir) {
        return "jdbc:h2:tcp://localhost:" + h2Port + "/" + dataDir.toAbsolutePath().normalize().resolve("jobrepo");
    }
}
