package dev.highlighter.console.reports;

import dev.highlighter.console.ConsoleBean;
import dev.highlighter.core.HdfsLayout;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The report folders the reports job has written ({@code 2026-04-01}, {@code 2026-04-01_2026-04-07}),
 * so that the grid links only reports that exist: one listing of {@code reports/} per page, not a
 * look-up per date.
 */
@ConsoleBean
@Component
public class ReportFolders {

    private static final Logger log = LoggerFactory.getLogger(ReportFolders.class);

    private final FileSystem fs;
    private final HdfsLayout layout;

    public ReportFolders(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    public Set<String> names() {
        Path root = layout.reports(LocalDate.EPOCH).getParent();
        try {
            if (!fs.exists(root)) {
                return Set.of();
            }
            return Arrays.stream(fs.listStatus(root)).filter(FileStatus::isDirectory).map(s -> s.getPath().getName())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            log.warn("Cannot list the report folders in {}: {}; the grid shows no report links", root, e.getMessage());
            return Set.of();
        }
    }
}
