package dev.highlighter.console.vods;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.springframework.core.io.AbstractResource;

/**
 * A file on HDFS (or the local layout) as a Spring resource, so that Spring MVC answers HTTP
 * range requests for it: a reel plays and seeks in the page without being read whole.
 */
public final class HdfsResource extends AbstractResource {

    private final FileSystem fs;
    private final Path path;

    public HdfsResource(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    @Override
    public boolean exists() {
        try {
            return fs.isFile(path);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long contentLength() throws IOException {
        return fs.getFileStatus(path).getLen();
    }

    @Override
    public String getFilename() {
        return path.getName();
    }

    @Override
    public String getDescription() {
        return "file " + path;
    }

    /** Spring skips to a range's start: FSDataInputStream's skip is a seek, not a read. */
    @Override
    public InputStream getInputStream() throws IOException {
        return fs.open(path);
    }
}
