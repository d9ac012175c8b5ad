package dev.highlighter.console;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.jobs.highlights.HighlightsJobConfiguration;
import dev.highlighter.jobs.launch.JobRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hbase.client.Connection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * A day whose run fails because of a broken video, as an operator meets it: a VOD with chat
 * (scored), and a VOD whose only file is a text file named .mp4 (its partition fails, naming the
 * file). {@link #fix()} puts a real video there, after which a restart completes the day.
 */
public final class BrokenVideoDay {

    public static final String CHANNEL = "console";
    public static final String GOOD = "324215198";
    public static final String BROKEN = "broken-vod";

    private final JobTestSupport files;
    private final LocalDate date;

    public BrokenVideoDay(FileSystem fs, HdfsLayout layout, Connection connection, LocalDate date) {
        this.files = new JobTestSupport(fs, layout, connection);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }

    /** Writes the day and runs it: the execution FAILED on the broken video. */
    public JobExecution failedRun(JobRunner runner) throws Exception {
        files.put(CHANNEL, date, GOOD + ".chat.jsonl", SharedData.dir().resolve("dota2-2017/chat/" + GOOD + ".chat.jsonl"));
        files.write(CHANNEL, date, BROKEN + ".mp4", "these are my stream notes, not a video\n".repeat(50));
        JobExecution run = runner.run(HighlightsJobConfiguration.JOB, date, false, Map.of("reel", "false"));
        if (run.getStatus() != BatchStatus.FAILED) {
            throw new IllegalStateException("the broken-video day should fail, but ended " + run.getStatus());
        }
        return run;
    }

    public void fix() throws Exception {
        files.put(CHANNEL, date, BROKEN + ".mp4", SharedData.dir().resolve("video").resolve("chaplin.mp4"));
    }

    public static Path video(String name) {
        return SharedData.dir().resolve("video").resolve(name);
    }
}
