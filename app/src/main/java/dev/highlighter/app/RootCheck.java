package dev.highlighter.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checks a root the user names before anything starts: a local root must exist (it is never
 * created, so a typo cannot become an empty date that reads as done), and any other scheme must be
 * one Hadoop knows. The embedded default ({@code data/fs}) is created on first use instead.
 */
final class RootCheck {

    private RootCheck() {
    }

    /** Null when the root is usable, else what is wrong with it. */
    static String problem(String root) {
        if (root == null || root.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(root);
        } catch (URISyntaxException e) {
            return "--root " + root + " is not a URI or path: " + e.getReason();
        }
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            Path local = scheme == null ? Path.of(root) : Path.of(uri);
            return Files.isDirectory(local) ? null : "--root " + root + " does not exist (it is never created; make the folder first)";
        }
        try {
            FileSystem.getFileSystemClass(scheme, new Configuration());
            return null;
        } catch (java.io.IOException e) {
            return "--root " + root + ": no file system for the scheme '" + scheme + "' (hdfs:// and file:// are known)";
        }
    }
}
