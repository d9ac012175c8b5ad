package dev.highlighter.jobs.launch;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most heap a run kept. Two figures: the largest heap in use after any collection, and the
 * largest after collections that reclaimed old-generation space (mixed or full). The first is an
 * occupancy: after a young collection the old generation still holds garbage that G1 leaves until
 * its next marking, so it follows the heap size (a 200-VOD day peaked at 522 MB with a 512 MB heap
 * and 762 MB with 1 GB). The second is close to what is really live, and is the figure that must
 * stay flat in the number of VODs. Logged at the end of every job, so any run, and the day bench,
 * shows it.
 */
public final class HeapWatch {

    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong PEAK_RECLAIMED = new AtomicLong(-1);
    private static volatile boolean installed;

    private HeapWatch() {
    }

    /** Starts watching collections (once per JVM) and forgets the peaks so far. */
    public static synchronized void reset() {
        if (!installed) {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(p -> p.getName()).collect(Collectors.toSet());
            Set<String> oldPools = heapPools.stream().filter(n -> n.contains("Old") || n.contains("Tenured")).collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                            Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
                            long live = sum(after, heapPools);
                            PEAK.accumulateAndGet(live, Math::max);
                            if (sum(after, oldPools) < sum(info.getGcInfo().getMemoryUsageBeforeGc(), oldPools)) {
                                PEAK_RECLAIMED.accumulateAndGet(live, Math::max);
                            }
                        }
                    }, null, null);
                }
            }
            installed = true;
        }
        PEAK.set(0);
        PEAK_RECLAIMED.set(-1);
    }

    private static long sum(Map<String, MemoryUsage> pools, Set<String> names) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (names.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** Largest heap in use after a collection since the last reset, in MB. */
    public static double peakMb() {
        return PEAK.get() / 1e6;
    }

    /** Both peaks and the heap's limit, for a log line. */
    public static String describe() {
        long reclaimed = PEAK_RECLAIMED.get();
        return String.format(java.util.Locale.ROOT, "%.0f MB after GC, %s after old-generation collections (max heap %d MB)",
                peakMb(), reclaimed < 0 ? "none" : String.format(java.util.Locale.ROOT, "%.0f MB", reclaimed / 1e6),
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    static void logPeak(String job, long executionId) {
        log.info("Peak live heap of {} execution {}: {}", job, executionId, describe());
    }
}
