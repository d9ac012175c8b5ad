package dev.highlighter.jobs.launch;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most heap a run kept. The largest heap in use after any collection is an occupancy: after a
 * young collection G1's old generation still holds garbage it leaves until its next marking, so
 * that figure follows the heap's size (a 200-VOD day peaked at 522 MB with a 512 MB heap and at
 * 762 MB with 1 GB) and cannot show whether memory grows with the number of VODs. For that the
 * day bench sets {@code highlighter.heap-watch.sample} (a duration): a full collection at that
 * interval, and the heap in use right after it, which is what is really live. Logged at the end of
 * every job, so any run, and the day bench, shows it.
 */
public final class HeapWatch {

    /** System property: how often to sample the live heap with a full collection (a measurement, off by default). */
    public static final String SAMPLE = "highlighter.heap-watch.sample";

    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong PEAK_LIVE = new AtomicLong(-1);
    private static volatile boolean installed;

    private HeapWatch() {
    }

    /** Starts watching collections (once per JVM) and forgets the peaks so far. */
    public static synchronized void reset() {
        if (!installed) {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(p -> p.getName()).collect(Collectors.toSet());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                            long used = 0;
                            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(pool.getKey())) {
                                    used += pool.getValue().getUsed();
                                }
                            }
                            PEAK.accumulateAndGet(used, Math::max);
                        }
                    }, null, null);
                }
            }
            String every = System.getProperty(SAMPLE);
            if (every != null && !every.isBlank()) {
                sampleEvery(Duration.parse(every));
            }
            installed = true;
        }
        PEAK.set(0);
        PEAK_LIVE.set(-1);
    }

    private static void sampleEvery(Duration interval) {
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                PEAK_LIVE.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            }
        }, "heap-watch-sample");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Largest heap in use after a collection since the last reset, in MB. */
    public static double peakMb() {
        return PEAK.get() / 1e6;
    }

    /** Both peaks and the heap's limit, for a log line. */
    public static String describe() {
        long live = PEAK_LIVE.get();
        return String.format(java.util.Locale.ROOT, "%.0f MB after GC, %s live (max heap %d MB)", peakMb(),
                live < 0 ? "not sampled" : String.format(java.util.Locale.ROOT, "%.0f MB", live / 1e6),
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    static void logPeak(String job, long executionId) {
        log.info("Peak live heap of {} execution {}: {}", job, executionId, describe());
    }
}
