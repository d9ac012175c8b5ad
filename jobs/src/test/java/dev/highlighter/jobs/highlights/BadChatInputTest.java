package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.QuarantineSkipListener;
import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.jobs.HighlighterJobTest;
import dev.highlighter.jobs.JobTestSupport;
import dev.highlighter.core.vods.VodColumn;
import dev.highlighter.jobs.launch.JobRunner;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.readers.hbase.VodRowReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad chat input through the whole job (issue 10, cases 4 and 5): a stray quote in real rows
 * loses none of them, a junk file stops at the quarantine's cap, and a binary file fails its VOD
 * with one line naming the file, the line and the cause, in the summary and again on a restart
 * (the summary's failure is what `run` prints on stderr: app's RunFailures).
 */
@HighlighterJobTest
class BadChatInputTest {

    static final LocalDate DATE = LocalDate.of(2024, 6, 2);
    static final String STRAY = "stray-quote-vod";
    static final String JUNK = "junk-vod";
    static final String BINARY = "binary-vod";
    static final String GOOD = "good-vod";

    @Autowired
    JobRunner runner;
    @Autowired
    JobRepository repository;
    @Autowired
    FileSystem fs;
    @Autowired
    HdfsLayout layout;
    @Autowired
    Connection connection;

    @Test
    void everyRowIsCountedAndEveryFailureIsOneClearLine() throws Exception {
        JobTestSupport hdfs = new JobTestSupport(fs, layout, connection);
        // 3000 real rows with a stray quote on line 1500 that would swallow lines 1501-1506 (as CsvBadInputTest builds them)
        List<String> real = Files.readAllLines(SharedData.lolChat().resolve("102844212428895431.csv"));
        List<String> stray = new ArrayList<>(List.of(real.get(0)));
        stray.addAll(real.subList(42, 3042));
        String line1500 = stray.get(1499);
        int chat = ordinalIndexOf(line1500, ',', 7) + 1;
        stray.set(1499, line1500.substring(0, chat) + "\"" + line1500.substring(chat));
        hdfs.write("chan", DATE, STRAY + ".chat.csv", String.join("\n", stray) + "\n");
        // a few rows, then a stray quote and 12,000 lines of junk: past the 10,000-row cap
        StringBuilder junk = new StringBuilder("t,text\n1,before\n2,\"opens and never closes\n");
        Random random = new Random(7);
        for (int i = 0; i < 12_000; i++) {
            junk.append("junk ").append(Long.toHexString(random.nextLong())).append(" line ").append(i).append('\n');
        }
        hdfs.write("chan", DATE, JUNK + ".chat.csv", junk.toString());
        byte[] binary = new byte[4096];
        random.nextBytes(binary);
        byte[] head = {'P', 'K', 3, 4, 20, (byte) 0xC3, 0x28}; // a zip's magic, then bytes that are not UTF-8
        System.arraycopy(head, 0, binary, 0, head.length);
        try (var out = fs.create(new Path(layout.vodPartition("chan", DATE), BINARY + ".chat.csv"), true)) {
            out.write(binary);
        }
        hdfs.write("chan", DATE, GOOD + ".chat.jsonl", JobTestSupport.chat(5, List.of(100, 250)));

        JobExecution first = runner.run(HighlightsJobConfiguration.JOB, DATE, false);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        String summary = summaryFailure(first);
        // the line-1500 case: read 2999 + skipped 1, the skipped row with its raw text
        StepExecution strayChat = step(first, STRAY);
        assertThat(strayChat.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(strayChat.getReadCount()).as("read").isEqualTo(2999);
        assertThat(strayChat.getReadSkipCount()).as("skipped").isEqualTo(1);
        assertThat(strayChat.getExecutionContext().getLong(ChatMessageReader.ROWS_KEY)).isEqualTo(3000);
        assertThat(strayChat.getExecutionContext().getLong(QuarantineSkipListener.ROWS_KEY)).isEqualTo(1);
        String quarantined = hdfs.read(layout.quarantineFile(HighlightsJobConfiguration.JOB, DATE, STRAY, "chat"));
        assertThat(quarantined.lines()).singleElement().satisfies(row -> assertThat(row)
                .contains("\"line\":1500").contains("unbalanced quote")
                .contains("\"raw\":\"" + stray.get(1499).replace("\"", "\\\"") + "\""));
        assertThat(new VodRowReader(connection).read(STRAY).orElseThrow().get(VodColumn.CHAT_MESSAGES)).contains("2999");
        assertThat(summary).doesNotContain(STRAY);

        // the junk file stops at the cap, with the figure, and its quarantine holds no more than the cap
        Path junkQuarantine = layout.quarantineFile(HighlightsJobConfiguration.JOB, DATE, JUNK, "chat");
        assertThat(summary).contains(JUNK + " FAILED in chatFeatures.vod: too many bad rows in ")
                .contains(JUNK + ".chat.csv: 10001 by line 10003, past the quarantine's cap of 10000 rows or 10 MiB");
        List<String> junkRows = hdfs.read(junkQuarantine).lines().toList();
        assertThat(junkRows).hasSize(10_001);
        assertThat(junkRows.get(10_000)).contains("\"bad_rows\":10001");
        assertThat(fs.getFileStatus(junkQuarantine).getLen()).isLessThan(10L * 1024 * 1024);

        // the binary file: the cause in one line, not Spring Batch's "Unable to process chunk"
        String binaryLine = BINARY + " FAILED in chatFeatures.vod: " + fs.makeQualified(new Path(layout.vodPartition("chan", DATE),
                BINARY + ".chat.csv")) + ":1: unreadable CSV header: invalid UTF-8 at byte 5 of the line";
        assertThat(summary).contains(binaryLine).doesNotContain("Unable to process chunk").doesNotContain("Exception");
        assertThat(new VodRowReader(connection).read(BINARY).orElseThrow().get(VodColumn.FAILURE)).contains(binaryLine.substring(BINARY.length() + 1));
        assertThat(step(first, GOOD).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // a restart runs the failed VODs again and says the same
        JobExecution restart = runner.run(HighlightsJobConfiguration.JOB, DATE, false);
        assertThat(restart.getId()).isNotEqualTo(first.getId());
        assertThat(restart.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(summaryFailure(restart)).startsWith("2 VOD(s) failed on " + DATE).contains(binaryLine)
                .contains(JUNK + ".chat.csv: 10001 by line 10003").doesNotContain("Unable to process chunk");
        assertThat(hdfs.read(junkQuarantine).lines()).as("rewritten, not appended to").hasSize(10_001);
    }

    /** The summary step's failure: one line per failed VOD. */
    private static String summaryFailure(JobExecution execution) {
        StepExecution summary = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("summary")).findFirst().orElseThrow();
        assertThat(summary.getFailureExceptions()).hasSize(1);
        return summary.getFailureExceptions().get(0).getMessage();
    }

    private StepExecution step(JobExecution execution, String vod) {
        return repository.getLastStepExecution(execution.getJobInstance(), VodStage.CHAT_FEATURES.partition(vod));
    }

    private static int ordinalIndexOf(String s, char c, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(c, at + 1);
        }
        return at;
    }
}
