package dev.highlighter.app.storage;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Embedded (nothing configured) or external (site files under HADOOP_CONF_DIR / HBASE_CONF_DIR).
 */
public record StorageMode(String hadoopConfDir, String hbaseConfDir) {

    public static StorageMode fromEnvironment(Map<String, String> env) {
        return new StorageMode(blankToNull(env.get("HADOOP_CONF_DIR")), blankToNull(env.get("HBASE_CONF_DIR")));
    }

    public static StorageMode embeddedMode() {
        return new StorageMode(null, null);
    }

    public boolean embedded() {
        return hadoopConfDir == null && hbaseConfDir == null;
    }

    List<org.apache.hadoop.fs.Path> hadoopSiteFiles() {
        return existing(hadoopConfDir, "core-site.xml", "hdfs-site.xml");
    }

    List<org.apache.hadoop.fs.Path> hbaseSiteFiles() {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>(hadoopSiteFiles());
        files.addAll(existing(hbaseConfDir, "hbase-site.xml"));
        return files;
    }

    private static List<org.apache.hadoop.fs.Path> existing(String dir, String... names) {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        if (dir != null) {
            for (String name : names) {
                java.nio.file.Path p = java.nio.file.Path.of(dir, name);
                if (Files.isRegularFile(p)) {
                    files.add(new org.apache.hadoop.fs.Path(p.toUri()));
                }
            }
        }
        return files;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
