package dev.highlighter.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real data in ../shared/data (never copied into the repository). The path comes from the
 * environment variable {@code HIGHLIGHTER_SHARED_DATA}, else the system property
 * {@code highlighter.shared.data} (the build sets it to ../shared/data beside the project).
 * A test that needs it and cannot find it fails with a message that says where it looked, unless
 * {@code highlighter.shared.data.optional=true}, when it is reported as skipped (but still fails
 * under {@code HIGHLIGHTER_REQUIRE_ALL=1}, like a missing {@link RequiredTool}).
 */
public final class SharedData {

    /**
     * Rows per file as Python's csv module counts them (rows whose duration parses as a float):
     * an independent parser, so a disagreement means ours mis-splits a record.
     */
    public static final Map<String, Integer> LOL_ROWS = new TreeMap<>(Map.ofEntries(
            Map.entry("102844212428895431", 10596), Map.entry("102844212430075086", 17072),
            Map.entry("102844212431320277", 13357), Map.entry("102844224147717245", 8630),
            Map.entry("102844235747982779", 17056), Map.entry("102844235751783874", 10720),
            Map.entry("102844283023599703", 13745), Map.entry("102844294667995333", 11393),
            Map.entry("102844294674286796", 16668), Map.entry("102844341906649746", 17536),
            Map.entry("102844401151219358", 15676), Map.entry("102844401153971877", 11780),
            Map.entry("102844412705217835", 14839), Map.entry("102844412709346612", 21097),
            Map.entry("102844412716227901", 14623), Map.entry("102844412722519367", 18521)));

    /**
     * A stray quote that swallowed a run of the export's tab-separated rows: the line of the
     * quote and the tab rows in the field it opened (Python's csv module: lines of that field
     * with seven tab-separated columns and a float duration). LOL_ROWS counts each as one row.
     */
    public record TabRun(long quoteLine, int rows) {
    }

    public static final Map<String, TabRun> LOL_TAB_RUNS = Map.of(
            "102844401153971877", new TabRun(8290, 245),
            "102844412722519367", new TabRun(15699, 434));

    /** Messages a reader keeps: every row, with a tab run read as its rows and its stray-quote line quarantined. */
    public static int lolMessages(String game) {
        TabRun run = LOL_TAB_RUNS.get(game);
        return LOL_ROWS.get(game) + (run == null ? 0 : run.rows() - 1);
    }

    private SharedData() {
    }

    public static Path dir() {
        String env = System.getenv("HIGHLIGHTER_SHARED_DATA");
        String configured = env != null && !env.isBlank() ? env : System.getProperty("highlighter.shared.data");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        if (!Files.isDirectory(dir)) {
            String message = "the shared test data is not at " + dir.toAbsolutePath().normalize()
                    + "; set -Dhighlighter.shared.data=/path/to/shared/data";
            if (Boolean.getBoolean("highlighter.shared.data.optional")) {
                RequiredTool.missing(message, System::getenv);
            }
            throw new IllegalStateException(message);
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path lolChat() {
        return dir().resolve("lol-worlds-2019/chat");
    }

    public static Path lolLabels() {
        return dir().resolve("lol-worlds-2019/labels.json");
    }

    /** Ten Dota 2 broadcasts: {@code labels.json} and {@code chat/<vod>.chat.jsonl}, another game and a quieter chat. */
    public static Path dota() {
        return dir().resolve("dota2-2017");
    }
}
