package dev.highlighter.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went: each sample is charged to the first frame, from the
 * top of its stack, that belongs to a named area (so a HashMap lookup inside the signal extractor
 * counts as chat signals), then the busiest threads and the hottest methods.
 */
final class ProfileSummary {

    /** Class-name prefixes of each area, most specific first within the list; a stack is searched top down. */
    private static final Map<String, List<String>> AREAS = areas();

    private ProfileSummary() {
    }

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        areas.put("chat read (readers.chat)", List.of("dev.highlighter.readers.chat."));
        areas.put("chat signals + windows (processors.chat)", List.of("dev.highlighter.processors.chat."));
        areas.put("inference (processors.model)", List.of("dev.highlighter.processors.model."));
        areas.put("segments (processors.segment)", List.of("dev.highlighter.processors.segment."));
        areas.put("our writers (writers)", List.of("dev.highlighter.writers."));
        areas.put("our HBase readers (readers.hbase)", List.of("dev.highlighter.readers.hbase."));
        areas.put("job steps (jobs)", List.of("dev.highlighter.jobs."));
        areas.put("HBase client", List.of("org.apache.hadoop.hbase.client."));
        areas.put("HBase server, RPC, WAL (embedded)", List.of("org.apache.hadoop.hbase.", "org.apache.hbase."));
        areas.put("job repository (Spring Batch JDBC, H2)", List.of("org.springframework.batch.core.repository.", "org.springframework.jdbc.",
                "org.h2.", "com.zaxxer.hikari."));
        areas.put("Spring Batch chunks and steps", List.of("org.springframework.batch."));
        areas.put("ZooKeeper", List.of("org.apache.zookeeper."));
        areas.put("Hadoop FS", List.of("org.apache.hadoop."));
        areas.put("other of ours", List.of("dev.highlighter."));
        areas.put("Spring, other", List.of("org.springframework."));
        return areas;
    }

    /** Events that say a thread waited, and for how long. */
    private static final List<String> WAITS = List.of("jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.SocketRead", "jdk.FileForce", "jdk.FileRead");

    /**
     * @param from          samples before this are left out (start-up), or null
     * @param to            samples after this are left out (shutdown), or null
     * @param workerThreads name prefix of the threads whose waits are shown
     */
    static void print(Path recording, Instant from, Instant to, String workerThreads, PrintWriter out) throws IOException {
        Map<String, Integer> byArea = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> byArea.put(a, 0));
        Map<String, Integer> byThread = new TreeMap<>();
        Map<String, Integer> topFrames = new TreeMap<>();
        Map<String, Long> waits = new TreeMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (from != null && event.getStartTime().isBefore(from) || to != null && event.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = event.getEventType().getName();
                if (WAITS.contains(type)) {
                    RecordedThread thread = event.getThread();
                    if (thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(workerThreads)) {
                        waits.merge(waitedIn(event.getStackTrace()), event.getDuration().toMillis(), Long::sum);
                    }
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                byArea.merge(area(stack.getFrames()), 1, Integer::sum);
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                byThread.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
                topFrames.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            }
        }
        out.printf(Locale.ROOT, "profile %s, %s: %d CPU samples%n  by area (a sample goes to the first area on its stack, top down):%n",
                recording, from == null ? "whole process" : "the job's run only", samples);
        print(byArea, samples, 20, out);
        out.println("  by thread (digits as N):");
        print(byThread, samples, 8, out);
        out.println("  top frames (self):");
        print(topFrames, samples, 20, out);
        out.printf("  time the %s* threads waited (monitor waits, parks, socket and file I/O over JFR's threshold), by where:%n", workerThreads);
        waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.printf(Locale.ROOT, "    %7.2f s  %s%n", e.getValue() / 1000.0, e.getKey()));
        out.flush();
    }

    /** The first frame of ours, Spring Batch's or HBase's client on a waiting stack: what it waited for. */
    private static String waitedIn(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        if (stack.getFrames().stream().anyMatch(f -> name(f).equals("java.util.concurrent.ThreadPoolExecutor.getTask"))) {
            return "idle: the worker pool waiting for the next VOD";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.highlighter.") || type.startsWith("org.springframework.") || type.startsWith("org.apache.hadoop.hbase.client.")) {
                return name(frame);
            }
        }
        return stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
                if (area.getValue().stream().anyMatch(type::startsWith)) {
                    return area.getKey();
                }
            }
        }
        return "JDK and other libraries";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int total, int limit, PrintWriter out) {
        counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(total, 1), e.getKey()));
    }
}
