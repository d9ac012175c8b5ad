package dev.highlighter.app.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage fault of this process, in the words a user acts on: "the disk under DIR is full", not
 * the client's "hconnection closed" that it ends in. A fault is recorded once, by whoever sees it
 * first (the embedded HBase's watch), and then everything that waits on storage is made to fail
 * now ({@link #onFault}) instead of after the client's retries. After a command failed, the
 * command line asks {@link #diagnose} for the cause to print.
 */
public class StorageFaults {

    private static final Logger log = LoggerFactory.getLogger(StorageFaults.class);

    private final Path dataDir;
    private final AtomicReference<String> fault = new AtomicReference<>();
    private final List<Runnable> failFast = new CopyOnWriteArrayList<>();

    /** @param dataDir the folder of the embedded HBase and the H2 job repository */
    public StorageFaults(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Runs once a fault is recorded: e.g. closes the HBase connection, so no call waits out its retries. */
    public void onFault(Runnable action) {
        failFast.add(action);
        if (fault.get() != null) {
            action.run();
        }
    }

    /** What to do about a full disk; a run restarts where it stopped. */
    public static final String FREE_SPACE = "free space, then run the same command again: it restarts the run where it stopped";

    /** The first fault wins; its fail-fast actions run once. {@code what} names the cause, {@code remedy} what to do. */
    public void record(String what, String remedy) {
        if (!fault.compareAndSet(null, what + "; " + remedy)) {
            return;
        }
        log.error("Storage fault: {}. Failing the run now rather than after HBase's retries", what);
        for (Runnable action : failFast) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("fail-fast action after a storage fault failed: {}", e.toString());
            }
        }
    }

    public Optional<String> recorded() {
        return Optional.ofNullable(fault.get());
    }

    /**
     * Why storage failed a command, when it did: the recorded fault, else a full disk under the
     * data folder now, else ENOSPC anywhere in the failure's causes. Empty when storage is not to blame.
     */
    public Optional<String> diagnose(Throwable failure) {
        if (recorded().isPresent()) {
            return recorded();
        }
        Optional<String> full = DiskSpace.full(dataDir);
        if (full.isEmpty() && failure != null && DiskSpace.noSpaceIn(failure)) {
            full = Optional.of("a disk is full (\"No space left on device\"); the data folder is " + dataDir);
        }
        return full.map(what -> what + "; " + FREE_SPACE);
    }
}
