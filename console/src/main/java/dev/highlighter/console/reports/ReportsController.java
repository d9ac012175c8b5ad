package dev.highlighter.console.reports;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.console.vods.HdfsResource;
import dev.highlighter.core.HdfsLayout;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reports job's folders ({@code reports/{date}/} or {@code reports/{from}_{to}/}), served from
 * HDFS as they are: the page links its images and CSVs relatively, so it opens here as it opens
 * from a local copy. Only a report folder's own files: no other path of the layout is reachable.
 */
@ConsoleBean
@Controller
public class ReportsController {

    private static final Pattern FOLDER = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:_(\\d{4}-\\d{2}-\\d{2}))?");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, MediaType> TYPES = Map.of("html", MediaType.TEXT_HTML, "png", MediaType.IMAGE_PNG,
            "csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

    private final FileSystem fs;
    private final HdfsLayout layout;

    public ReportsController(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    @GetMapping("/reports/{folder}/")
    String index(@PathVariable String folder) {
        return "redirect:/reports/" + folder + "/index.html";
    }

    @GetMapping("/reports/{folder}/{file:.+}")
    ResponseEntity<Resource> file(@PathVariable String folder, @PathVariable String file) {
        Matcher range = FOLDER.matcher(folder);
        if (!range.matches() || !FILE.matcher(file).matches() || file.contains("..")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report file " + folder + "/" + file);
        }
        LocalDate from = LocalDate.parse(range.group(1));
        LocalDate to = range.group(2) == null ? from : LocalDate.parse(range.group(2));
        Path dir = layout.reports(from, to);
        HdfsResource resource = new HdfsResource(fs, new Path(dir, file));
        if (!resource.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + file + " in " + dir
                    + " (run it: highlighter run reports --date " + to + (range.group(2) == null ? "" : " --from " + from) + ")");
        }
        String ending = file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.ok().contentType(TYPES.getOrDefault(ending, MediaType.APPLICATION_OCTET_STREAM)).body(resource);
    }
}
