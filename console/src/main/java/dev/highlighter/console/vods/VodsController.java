package dev.highlighter.console.vods;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.VodRef;
import dev.highlighter.core.Windows;
import dev.highlighter.readers.catalog.VodCatalog;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.readers.hbase.VodRowReader;
import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * VODs of a date and channel with their status; one VOD's timeline, segments and reel (streamed
 * with range requests, so the browser's player seeks); and a VOD's quarantined input rows.
 */
@ConsoleBean
@Controller
public class VodsController {

    static final List<VodColumn> STATUS_COLUMNS = List.of(VodColumn.STATUS, VodColumn.MEDIA_STATUS, VodColumn.MODEL_VERSION,
            VodColumn.HIGHLIGHTS, VodColumn.DURATION_MS, VodColumn.REEL_PATH, VodColumn.REEL_MODE, VodColumn.FAILURE,
            VodColumn.LAST_JOB_EXECUTION);

    private final VodCatalog catalog;
    private final ObjectProvider<Connection> connection; // HBase only when a VOD page is asked for
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final long windowMs;

    public VodsController(VodCatalog catalog, ObjectProvider<Connection> connection, FileSystem fs, HdfsLayout layout,
                          @Value("${highlighter.window-ms:" + Windows.DEFAULT_WINDOW_MS + "}") long windowMs) {
        this.catalog = catalog;
        this.connection = connection;
        this.fs = fs;
        this.layout = layout;
        this.windowMs = windowMs;
    }

    public record VodRow(VodRef vod, Map<String, String> status) {
    }

    @GetMapping("/vods")
    String vods(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) String channel, Model model) throws IOException {
        LocalDate day = date == null ? LocalDate.now().minusDays(1) : date;
        VodRowReader reader = new VodRowReader(connection.getObject());
        List<VodRow> rows = new ArrayList<>();
        for (VodRef vod : catalog.list(day)) {
            if (channel == null || channel.isBlank() || channel.equals(vod.channel())) {
                rows.add(new VodRow(vod, status(reader, vod.vodId())));
            }
        }
        model.addAttribute("date", day);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", catalog.channels());
        model.addAttribute("rows", rows);
        return "vods";
    }

    @GetMapping("/vods/{vodId}")
    String vod(@PathVariable String vodId, Model model) throws IOException {
        Map<String, String> status = status(new VodRowReader(connection.getObject()), vodId);
        VodTimeline timeline = VodTimeline.read(connection.getObject(), vodId, status.get("model_version"), windowMs);
        if (status.isEmpty() && timeline.points().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no VOD " + vodId + " in HBase");
        }
        model.addAttribute("vodId", vodId);
        model.addAttribute("status", status);
        model.addAttribute("highlights", timeline.highlights().stream()
                .sorted(java.util.Comparator.comparingInt(dev.highlighter.core.Highlight::rank)).toList());
        model.addAttribute("windows", timeline.points().size());
        model.addAttribute("reel", status.get("reel_path") != null && new HdfsResource(fs, new Path(status.get("reel_path"))).exists());
        return "vod";
    }

    @GetMapping(value = "/vods/{vodId}/timeline.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> timeline(@PathVariable String vodId) throws IOException {
        String version = status(new VodRowReader(connection.getObject()), vodId).get("model_version");
        byte[] png = TimelineChart.png(VodTimeline.read(connection.getObject(), vodId, version, windowMs));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    /** Spring MVC answers Range requests for a Resource body: 206 with the asked bytes. */
    @GetMapping("/vods/{vodId}/reel.mp4")
    ResponseEntity<Resource> reel(@PathVariable String vodId) throws IOException {
        String path = Optional.ofNullable(status(new VodRowReader(connection.getObject()), vodId).get("reel_path"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "VOD " + vodId + " has no reel"));
        HdfsResource reel = new HdfsResource(fs, new Path(path));
        if (!reel.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the reel of " + vodId + " is not at " + path);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4")).body(reel);
    }

    /** The rejected input rows of a VOD: each with its file, line and reason (quarantine/{job}/{date}/{vodId}.*). */
    @GetMapping("/quarantine/{job}/{date}/{vodId}")
    String quarantine(@PathVariable String job, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                      @PathVariable String vodId, Model model) throws IOException {
        Path dir = layout.quarantine(job, date);
        Map<String, String> files = new LinkedHashMap<>();
        if (fs.exists(dir)) {
            for (FileStatus file : fs.listStatus(dir, p -> p.getName().startsWith(vodId + "."))) {
                try (InputStream in = fs.open(file.getPath())) {
                    byte[] head = in.readNBytes(256 * 1024); // a page, not a download
                    files.put(file.getPath().toString(), new String(head, StandardCharsets.UTF_8)
                            + (file.getLen() > head.length ? "\n… (" + file.getLen() + " bytes in all)" : ""));
                }
            }
        }
        model.addAttribute("vodId", vodId);
        model.addAttribute("dir", dir.toString());
        model.addAttribute("files", files);
        return "quarantine";
    }

    /** The row's status columns by qualifier (the templates show them by name); empty when the row is gone. */
    private static Map<String, String> status(VodRowReader reader, String vodId) throws IOException {
        Map<String, String> status = new LinkedHashMap<>();
        reader.read(vodId).ifPresent(row -> STATUS_COLUMNS.forEach(c -> row.get(c).ifPresent(v -> status.put(c.qualifier(), v))));
        return status;
    }
}
