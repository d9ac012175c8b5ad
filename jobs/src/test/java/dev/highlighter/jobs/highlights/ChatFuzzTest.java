package dev.highlighter.jobs.highlights;

import dev.highlighter.jobs.steps.FailureCause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.HdfsLayout;
import dev.highlighter.jobs.HighlighterProperties;
import dev.highlighter.processors.chat.ChatWindowAggregator;
import dev.highlighter.processors.chat.MessageSignalExtractor;
import dev.highlighter.processors.chat.MessageSignals;
import dev.highlighter.processors.chat.ReactionLexicon;
import dev.highlighter.readers.chat.ChatFileException;
import dev.highlighter.readers.chat.ChatMessageReader;
import dev.highlighter.writers.QuarantineLimits;
import dev.highlighter.writers.TooManyBadRowsException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chaos suite's chat item: seeded damage ({@link ChatMutator}) to real chat in all five
 * formats ({@link ChatSeeds}), each case run through the production chat step (reader, skip
 * policy, quarantine, the window writer without its HBase write) under a small quarantine cap
 * and under the default one. Every case must end COMPLETED with every row counted (read =
 * written + skipped, and the quarantine file agreeing), or FAILED for a documented reason about
 * the file (unreadable, no valid rows, too many bad rows); the quarantine never passes its cap.
 * {@code -Dhighlighter.fuzz.seed} and {@code -Dhighlighter.fuzz.cases} change the run; a failing
 * case's file is kept under target/fuzz-failures.
 */
class ChatFuzzTest {

    static final long SEED = Long.getLong("highlighter.fuzz.seed", 20191003L);
    static final int CASES = Integer.getInteger("highlighter.fuzz.cases", 200);
    static final QuarantineLimits SMALL_CAP = new QuarantineLimits(50, 32 * 1024);
    /** Room for the last row that gives the count, past the byte cap. */
    static final long COUNT_ROW_BYTES = 2048;
    static final LocalDate DATE = LocalDate.of(2019, 10, 3);
    /** Formats with one row per line, where every non-blank line must be a row: read or ignored. */
    static final java.util.Set<String> ONE_ROW_PER_LINE = java.util.Set.of("JSONL", "TWITCH_TEXT", "YTDLP_LIVE_CHAT");

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void damagedChatNeverLosesARowNorOverfillsTheQuarantine() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        HdfsLayout layout = new HdfsLayout(new Path(tmp.toUri()));
        List<ChatSeeds.Seed> seeds = ChatSeeds.all();
        ChatMutator mutator = new ChatMutator(SEED);
        List<String> problems = new ArrayList<>();
        int completed = 0;
        int capped = 0;
        int runs = 0;
        for (int i = 0; i < CASES; i++) {
            ChatSeeds.Seed seed = seeds.get(i % seeds.size());
            ChatMutator.Mutated damaged = mutator.mutate(seed.bytes(), seeds.get((i + 1) % seeds.size()).bytes());
            String vodId = "case" + i;
            Path chat = new Path(layout.vodPartition("fuzz", DATE), vodId + "." + seed.name().substring(seed.name().indexOf('.') + 1));
            try (var out = fs.create(chat, true)) {
                out.write(damaged.bytes());
            }
            // a case that stops at the small cap runs again under the default one, to count its rows
            for (QuarantineLimits cap : List.of(SMALL_CAP, QuarantineLimits.DEFAULT)) {
                String problem;
                boolean stopped = false;
                try {
                    Outcome outcome = runChatStep(fs, layout, chat, vodId, cap, damaged.bytes());
                    problem = outcome.problem();
                    completed += outcome.completed() ? 1 : 0;
                    capped += outcome.capped() ? 1 : 0;
                    stopped = outcome.capped();
                } catch (Throwable t) {
                    problem = "escaped the step: " + t;
                }
                if (problem != null) {
                    java.nio.file.Path kept = java.nio.file.Path.of("target", "fuzz-failures", chat.getName());
                    Files.createDirectories(kept.getParent());
                    Files.write(kept, damaged.bytes());
                    problems.add("case " + i + " (seed " + SEED + ", " + seed.name() + ", " + damaged.steps() + ", cap " + cap + "): "
                            + problem + " [kept as " + kept + "]");
                }
                if (!stopped) {
                    break;
                }
            }
            runs += 1;
        }
        System.out.printf("chat fuzz: %d cases, seed %d: %d runs completed, %d stopped at the small cap (and ran again), %d problems%n",
                CASES, SEED, completed, capped, problems.size());
        assertThat(problems).isEmpty();
        assertThat(runs).isEqualTo(CASES);
        assertThat(completed).as("most damage still leaves a readable file").isGreaterThan(CASES / 2);
        assertThat(capped).as("the small cap is reached by some cases").isPositive();
    }

    record Outcome(String problem, boolean completed, boolean capped) {
    }

    /** The production chat step on one file; what is wrong with how it ended, or null. */
    private Outcome runChatStep(FileSystem fs, HdfsLayout layout, Path chat, String vodId, QuarantineLimits cap, byte[] content)
            throws Exception {
        var env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("cap", java.util.Map.of(
                "highlighter.quarantine.max-rows", cap.maxRows(), "highlighter.quarantine.max-bytes", cap.maxBytes() + "B")));
        HighlighterProperties props = org.springframework.boot.context.properties.bind.Binder.get(env)
                .bindOrCreate("highlighter", HighlighterProperties.class);
        VodStepsConfiguration config = new VodStepsConfiguration();
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        WindowFlushWriter<MessageSignals> windows = new WindowFlushWriter<>(new ChatWindowAggregator(vodId, props.windowMs()), null,
                new ChatOutcome(null, vodId, chat.toString()) {
                    @Override
                    public boolean keep(StepExecution step) {
                        return false; // everything but the HBase write
                    }

                    @Override
                    public void done(StepExecution step, long messages, long windows) {
                        // no vods row: the fuzzer checks the step and the quarantine, not HBase
                    }
                });
        Step step = config.chatFeaturesVod(repository, new ResourcelessTransactionManager(), config.chatMessageReader(fs, props, chat.toString()),
                new MessageSignalExtractor(ReactionLexicon.loadDefault()), windows, config.chatQuarantine(fs, layout, props, DATE, vodId), props);
        JobInstance instance = repository.createJobInstance("fuzz", new JobParameters());
        JobExecution job = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        StepExecution execution = repository.createStepExecution(step.getName(), job);
        step.execute(execution);

        Path quarantine = layout.quarantineFile(HighlightsJobConfiguration.JOB, DATE, vodId, "chat");
        List<JsonNode> rows = new ArrayList<>();
        long bytes = 0;
        if (fs.exists(quarantine)) {
            bytes = fs.getFileStatus(quarantine).getLen();
            try (var in = fs.open(quarantine)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    rows.add(JsonMapper.builder().build().readTree(line));
                }
            }
        }
        if (bytes > cap.maxBytes() + COUNT_ROW_BYTES || rows.size() > cap.maxRows() + 1) {
            return new Outcome("quarantine over its cap: " + rows.size() + " rows, " + bytes + " bytes", false, false);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            ChatRowAccounting accounting = ChatRowAccounting.of(execution);
            if (accounting == null || !accounting.balanced()) {
                return new Outcome("rows unaccounted: " + (accounting == null ? "no counts recorded" : accounting.mismatch(chat.toString())), false, false);
            }
            long inFile = rows.stream().mapToLong(r -> r.has("rows") ? r.get("rows").asLong() : 1).sum();
            if (inFile != accounting.quarantined()) {
                return new Outcome("the quarantine file holds " + inFile + " rows, the step counted " + accounting.quarantined(), false, false);
            }
            long ignored = execution.getExecutionContext().getLong(ChatMessageReader.IGNORED_KEY, 0L);
            if (ONE_ROW_PER_LINE.contains(execution.getExecutionContext().getString(ChatMessageReader.FORMAT_KEY)) 
                    && accounting.read() + ignored != nonBlankLines(content)) {
                return new Outcome("the file has " + nonBlankLines(content) + " non-blank lines, but the reader counted " + accounting.read()
                        + " rows and " + ignored + " ignored", false, false);
            }
            return new Outcome(null, true, false);
        }
        Throwable cause = execution.getFailureExceptions().isEmpty() ? null : rootOf(execution.getFailureExceptions().get(0));
        if (cause instanceof TooManyBadRowsException) {
            boolean counted = !rows.isEmpty() && rows.get(rows.size() - 1).path("reason").asString("").startsWith("too many bad rows");
            return new Outcome(counted ? null : "capped without the count row", false, true);
        }
        if (cause instanceof ChatFileException
                || cause instanceof IllegalStateException && cause.getMessage().contains("has no valid rows")) {
            String line = FailureCause.of(execution.getFailureExceptions().get(0));
            return new Outcome(line.contains(chat.getName()) ? null : "failure line does not name the file: " + line, false, false);
        }
        return new Outcome(execution.getStatus() + " for an undocumented reason: " + (cause == null ? execution.getExitStatus() : cause), false, false);
    }

    /** Lines as the line formats see them: split at \n, a BOM and a trailing \r dropped, blank ones skipped. */
    private static long nonBlankLines(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return java.util.Arrays.stream(text.split("\n", -1)).filter(l -> !l.isBlank()).count();
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
