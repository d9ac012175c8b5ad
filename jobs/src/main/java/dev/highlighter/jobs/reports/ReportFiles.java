package dev.highlighter.jobs.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * Publishes a report folder built locally, plus the channels' files from the staging folder:
 * both copied under a hidden temporary name beside the target, then renamed into place, so a
 * reader sees the old report or the new one, never half. A restart rebuilds the whole folder, so
 * no line is ever appended twice. The staging files are copied, not moved, so that an assemble
 * step that fails after this can run again from the same parts.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    static void publish(FileSystem fs, Path local, List<org.apache.hadoop.fs.Path> staged, org.apache.hadoop.fs.Path target) throws IOException {
        org.apache.hadoop.fs.Path parent = target.getParent();
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(parent, "." + target.getName() + ".tmp");
        org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(parent, "." + target.getName() + ".old");
        fs.mkdirs(parent);
        fs.delete(tmp, true);
        fs.delete(old, true);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), tmp);
        for (org.apache.hadoop.fs.Path file : staged) {
            if (!FileUtil.copy(fs, file, fs, new org.apache.hadoop.fs.Path(tmp, file.getName()), false, true, fs.getConf())) {
                throw new IOException("could not copy " + file + " into " + tmp);
            }
        }
        if (fs.exists(target) && !fs.rename(target, old)) {
            throw new IOException("could not move the previous report " + target + " aside to " + old);
        }
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
        fs.delete(old, true);
    }

    static void deleteLocal(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
