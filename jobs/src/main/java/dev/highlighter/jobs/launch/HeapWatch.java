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
 * The most heap a run kept: the largest live heap seen after any garbage collection. That is the
 * figure that must stay flat in the number of VODs (what is merely allocated and collected says
 * nothing about a leak). Logged at the end of every job, so any run, and the day bench, shows it.
 */
public final class HeapWatch {

    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);
    private static final AtomicLong PEAK = new AtomicLong();
    private static volatile boolean installed;

    private HeapWatch() {
    }

    /** Starts watching collections (once per JVM) and forgets the peak so far. */
    public static synchronized void reset() {
        if (!installed) {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(p -> p.getName()).collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                            long live = 0;
                            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(pool.getKey())) {
                                    live += pool.getValue().getUsed();
                                }
                            }
                            PEAK.accumulateAndGet(live, Math::max);
                        }
                    }, null, null);
                }
            }
            installed = true;
        }
        PEAK.set(0);
    }

    /** Largest live heap after a collection since the last reset, in MB. */
    public static double peakMb() {
        return PEAK.get() / 1e6;
    }

    static void logPeak(String job, long executionId) {
        log.info("Peak live heap of {} execution {}: {} MB after GC (max heap {} MB)", job, executionId,
                String.format(java.util.Locale.ROOT, "%.0f", peakMb()), Runtime.getRuntime().maxMemory() / 1_000_000);
    }
}
