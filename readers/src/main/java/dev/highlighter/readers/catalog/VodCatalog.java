package dev.highlighter.readers.catalog;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.VodRef;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VODs of one date partition: every {@code vods/{channel}/{date}/} on the FileSystem. A VOD
 * is a chat file ({@code {vodId}.chat.{json|jsonl|csv|txt}}), a video file
 * ({@code {vodId}.{mp4|mkv|webm|ts}}), or both.
 */
public class VodCatalog {

    public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mkv", "webm", "ts");
    public static final Set<String> CHAT_EXTENSIONS = Set.of("json", "jsonl", "csv", "txt");

    private static final Logger log = LoggerFactory.getLogger(VodCatalog.class);

    private final FileSystem fs;
    private final HdfsLayout layout;

    public VodCatalog(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    /** VODs of every channel on that date, sorted by channel then id. */
    public List<VodRef> list(LocalDate date) throws IOException {
        List<VodRef> vods = new ArrayList<>();
        for (String channel : channels()) {
            vods.addAll(list(channel, date));
        }
        return vods;
    }

    public List<String> channels() throws IOException {
        List<String> channels = new ArrayList<>();
        try {
            for (FileStatus status : fs.listStatus(layout.vods())) {
                if (status.isDirectory() && !hidden(status.getPath().getName())) {
                    channels.add(status.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return channels;
        }
        channels.sort(null);
        return channels;
    }

    /** True when every channel that has a partition for the date has its {@code _SUCCESS} marker. */
    public boolean complete(LocalDate date) throws IOException {
        boolean any = false;
        for (String channel : channels()) {
            Path partition = layout.vodPartition(channel, date);
            if (fs.exists(partition)) {
                any = true;
                if (!fs.exists(new Path(partition, HdfsLayout.SUCCESS_MARKER))) {
                    return false;
                }
            }
        }
        return any;
    }

    List<VodRef> list(String channel, LocalDate date) throws IOException {
        Path partition = layout.vodPartition(channel, date);
        FileStatus[] files;
        try {
            files = fs.listStatus(partition);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        java.util.Arrays.sort(files, java.util.Comparator.comparing(f -> f.getPath().getName()));
        Map<String, String[]> byId = new TreeMap<>(); // vodId -> {chat, video}
        for (FileStatus file : files) {
            String name = file.getPath().getName();
            if (!file.isFile() || hidden(name) || name.endsWith(".mapping")) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            String stem = dot < 0 ? name : name.substring(0, dot);
            String uri = file.getPath().toString();
            if (stem.endsWith(".chat") && CHAT_EXTENSIONS.contains(ext)) {
                put(byId, stem.substring(0, stem.length() - ".chat".length()), 0, uri);
            } else if (VIDEO_EXTENSIONS.contains(ext) && !stem.contains(".")) {
                put(byId, stem, 1, uri);
            } else {
                log.warn("Ignoring {}: neither {{vodId}}.chat.{{json|jsonl|csv|txt}} nor {{vodId}}.{{mp4|mkv|webm|ts}}", uri);
            }
        }
        List<VodRef> vods = new ArrayList<>();
        byId.forEach((id, paths) -> vods.add(new VodRef(channel, date, id, paths[0], paths[1])));
        return vods;
    }

    private static void put(Map<String, String[]> byId, String vodId, int slot, String uri) {
        String[] paths = byId.computeIfAbsent(vodId, id -> new String[2]);
        if (paths[slot] != null) {
            // listings are sorted, so the choice is stable; say so rather than guess silently
            log.warn("VOD {} has two {} files, {} and {}; using the first", vodId, slot == 0 ? "chat" : "video", paths[slot], uri);
            return;
        }
        paths[slot] = uri;
    }

    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
