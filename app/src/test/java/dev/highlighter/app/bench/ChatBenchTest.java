package dev.highlighter.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.app.cli.HighlighterCommand;
import dev.highlighter.core.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `bench chat` prints what it promises, over the real LoL games: no speed is asserted, only the figures' presence and the counts. */
class ChatBenchTest {

    @Test
    void printsRatesTheIoCeilingAndADigestOfTheFeatures() {
        StringWriter text = new StringWriter();
        CommandLine cli = HighlighterCommand.commandLine(CommandLine.defaultFactory());
        cli.setOut(new PrintWriter(text));
        int exit = cli.execute("bench", "chat", "--dir", SharedData.lolChat().toString(), "--rounds", "1");

        assertThat(exit).isEqualTo(0);
        int messages = SharedData.LOL_ROWS.keySet().stream().mapToInt(SharedData::lolMessages).sum();
        Matcher summary = Pattern.compile("chat throughput, 1 thread, 16 files, (\\d+) messages, [\\d.]+ MB: median \\d+ msg/s \\(\\d+ per CPU-second\\), "
                + "[\\d.]+ MB/s; plain read \\d+ MB/s; chat/plain [\\d.]+").matcher(text.toString());
        assertThat(summary.find()).as(text.toString()).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isEqualTo(messages);
        assertThat(text.toString()).containsPattern("round 1: " + messages + " messages in .* plain read of the \\d+ lines")
                .containsPattern("window features digest \\(SHA-256 .*\\): [0-9a-f]{64}");
    }
}
