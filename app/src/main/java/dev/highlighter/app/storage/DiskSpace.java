package dev.highlighter.app.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Whether the disk under a folder is full, said in words that name the folder. */
public final class DiskSpace {

    /**
     * Below this much usable space the disk counts as full: HBase's write-ahead log and the H2
     * job repository fail on their next write, and nothing frees space by itself.
     */
    public static final long MIN_FREE_BYTES = 1L << 20;

    private static final String ENOSPC = "No space left on device";

    private DiskSpace() {
    }

    /** "the disk under DIR is full (N MB free of M MB)" when it is, else empty. */
    public static Optional<String> full(Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        try {
            var store = Files.getFileStore(existing);
            long usable = store.getUsableSpace();
            return usable < MIN_FREE_BYTES ? Optional.of(describe(dir, usable, store.getTotalSpace())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a failure was the operating system saying the disk is full (ENOSPC), anywhere in its causes. */
    public static boolean noSpaceIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(ENOSPC)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (noSpaceIn(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(Path dir, long usable, long total) {
        return String.format(Locale.ROOT, "the disk under %s is full (%.1f MB free of %.1f MB)", dir.toAbsolutePath().normalize(),
                usable / 1e6, total / 1e6);
    }
}
