package dev.highlighter.readers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.readers.MalformedRowException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Every chat format on hand-made files, valid rows and malformed ones, through the real reader. */
class ChatFormatsTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ChatFormatsTest.class.getResource("/chat/" + name).toURI());
    }

    @Test
    void twitchDownloaderJsonKeepsGoodCommentsAndNamesTheBadOnes() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("twitch.json"));

        assertThat(out.format()).isEqualTo("TWITCH_JSON");
        assertThat(out.messages()).extracting(ChatMessage::offsetMs).containsExactly(1500L, 12000L, 20250L);
        assertThat(out.messages()).extracting(ChatMessage::user).containsExactly("Alice", "bob", "Erin");
        assertThat(out.messages().get(2).text()).as("fragments when there is no body").isEqualTo("Pog that play");
        assertThat(out.rejected()).hasSize(3);
        assertThat(out.rejected()).extracting(MalformedRowException::reason)
                .anySatisfy(r -> assertThat(r).contains("'soon' is not a number"))
                .anySatisfy(r -> assertThat(r).contains("no content_offset_seconds"))
                .anySatisfy(r -> assertThat(r).contains("negative"));
        assertThat(out.rejected()).allSatisfy(e -> {
            assertThat(e.file()).endsWith("twitch.json");
            assertThat(e.line()).isGreaterThan(1);
            assertThat(e.getMessage()).contains("twitch.json:" + e.line());
        });
    }

    @Test
    void twitchBareArrayOfComments() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("twitch-bare.json"));
        assertThat(out.format()).isEqualTo("TWITCH_JSON");
        assertThat(out.messages()).extracting(ChatMessage::text).containsExactly("one", "two");
    }

    @Test
    void truncatedJsonKeepsWhatCameBeforeAndSaysWhere() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("twitch-truncated.json"));
        assertThat(out.messages()).extracting(ChatMessage::text).containsExactly("one");
        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("invalid JSON at byte").contains("rest of the file is unreadable");
            assertThat(e.line()).as("the line of the cut-off comment").isEqualTo(3);
        });
    }

    @Test
    void twitchTextAndIrcLines() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("twitch.txt"));
        assertThat(out.format()).isEqualTo("TWITCH_TEXT");
        assertThat(out.messages()).extracting(ChatMessage::user).containsExactly("alice", "bob", "carol", "dave", "erin");
        assertThat(out.messages()).extracting(ChatMessage::offsetMs).containsExactly(5000L, 7000L, 62000L, 3723000L, 3000L);
        assertThat(out.messages().get(2).text()).isEqualTo("time: it has a colon");
        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.raw()).isEqualTo("this line is not chat at all");
        });
    }

    @Test
    void ytDlpLiveChatSkipsNoticesQuietlyAndCountsThemApart() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("live_chat.json"));
        assertThat(out.format()).isEqualTo("YTDLP_LIVE_CHAT");
        assertThat(out.messages()).extracting(ChatMessage::text).containsExactly("hello :_kekw:", "take my money", "ㅋㅋㅋㅋ 대박");
        assertThat(out.messages()).extracting(ChatMessage::offsetMs).containsExactly(1500L, 61000L, 64250L);
        assertThat(out.messages()).extracting(ChatMessage::user).containsExactly("Alice", "Bob", "Eve");
        assertThat(out.ignored()).as("membership notice and banner").isEqualTo(2);
        assertThat(out.rejected()).extracting(MalformedRowException::line).containsExactly(5L, 6L);
        assertThat(out.rejected().get(0).reason()).contains("without videoOffsetTimeMsec");
        assertThat(out.rejected().get(1).reason()).contains("invalid JSON");
    }

    @Test
    void jsonLinesWithOutOfOrderAndBrokenRows() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("chat.jsonl"));
        assertThat(out.format()).isEqualTo("JSONL");
        assertThat(out.messages()).extracting(ChatMessage::offsetMs).containsExactly(1000L, 10500L, 5250L, 12000L);
        assertThat(out.messages().get(3).user()).isNull();
        assertThat(out.rejected()).extracting(MalformedRowException::line).containsExactly(4L, 6L, 7L, 8L);
        assertThat(out.rejected().get(0).reason()).isEqualTo("offset 'abc' is not a number");
    }

    @Test
    void jsonRowsOfTheWrongShapeAreMalformedRowsNotCrashes() throws Exception {
        Path jsonl = tmp.resolve("shapes.chat.jsonl");
        Files.writeString(jsonl, String.join("\n", "{\"t\": {\"a\": 1}, \"text\": \"x\"}", "{\"t\": 1, \"text\": \"x\", \"user\": {\"a\": 1}}",
                "{\"t\": [1], \"text\": \"x\"}", "[1, 2]", "{\"t\": 2, \"text\": \"ok\", \"user\": 42}") + "\n");
        ChatReading.Outcome out = ChatReading.readAll(jsonl);
        assertThat(out.messages()).singleElement().satisfies(m -> assertThat(m.user()).isEqualTo("42"));
        assertThat(out.rejected()).extracting(MalformedRowException::reason).containsExactly(
                "offset field 't' is an object, not a number", "field 'user' is an object, not a string",
                "offset field 't' is an array, not a number", "not a JSON object");

        Path live = tmp.resolve("shapes.live_chat.json");
        Files.writeString(live, String.join("\n",
                "{\"replayChatItemAction\": {\"actions\": [{\"addChatItemAction\": {\"item\": {\"liveChatTextMessageRenderer\": {\"message\": "
                        + "{\"runs\": [{\"text\": {\"x\": 1}}, {\"emoji\": {\"shortcuts\": [{}]}}]}}}}}], \"videoOffsetTimeMsec\": \"5\"}}",
                "{\"replayChatItemAction\": {\"actions\": {\"a\": 1}, \"videoOffsetTimeMsec\": \"5\"}}") + "\n");
        ChatReading.Outcome liveOut = ChatReading.readAll(live);
        assertThat(liveOut.messages()).singleElement().satisfies(m -> assertThat(m.text()).isEmpty());
        assertThat(liveOut.ignored()).isEqualTo(1);
    }

    @Test
    void csvWithASidecarMapping() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(fixture("mapped.csv"));
        assertThat(out.format()).isEqualTo("CSV");
        assertThat(out.messages()).extracting(ChatMessage::text)
                .containsExactly("hello", "quoted, with comma", "multi\nline message", "she said \"hi\"");
        assertThat(out.messages()).extracting(ChatMessage::line).containsExactly(2L, 3L, 4L, 8L);
        assertThat(out.messages()).extracting(ChatMessage::user).containsExactly("alice", "bob", "carol", "frank");
        assertThat(out.rejected()).extracting(MalformedRowException::line).containsExactly(6L, 7L);
        assertThat(out.rejected().get(1).reason()).isEqualTo("has 2 fields, the header has 3");
    }

    @Test
    void csvUnbalancedQuoteIsOneBadRowNotTheRestOfTheFile() throws Exception {
        StringBuilder csv = new StringBuilder(",leage,game,view,length,real_time,duration,chat\n");
        csv.append("1,L,G,1,1,t,10.0,before\n");
        csv.append("2,L,G,1,1,t,11.0,\"this quote never closes\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i + 3).append(",L,G,1,1,t,").append(12 + i).append(".5,message number ").append(i).append(" with some padding text\n");
        }
        Path file = tmp.resolve("stray-quote.csv");
        Files.writeString(file, csv);

        ChatReading.Outcome out = ChatReading.readAll(file);

        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("unbalanced quote").contains("would swallow line 4, a row of its own");
            assertThat(e.raw()).isEqualTo("2,L,G,1,1,t,11.0,\"this quote never closes");
        });
        assertThat(out.messages()).as("every row but the broken one").hasSize(3001);
        assertThat(out.messages().get(1).line()).as("resumes right after the bad line").isEqualTo(4);
        assertThat(out.messages().get(3000).text()).isEqualTo("message number 2999 with some padding text");
    }

    @Test
    void csvQuoteFollowedByJunkGivesUpAfter64LinesAndRereadsEachLine() throws Exception {
        StringBuilder csv = new StringBuilder("t,text\n1,before\n2,\"opens\n");
        for (int i = 0; i < 100; i++) {
            csv.append("junk line ").append(i).append(" without a row in it\n");
        }
        csv.append("3,after\n");
        Path file = tmp.resolve("junk.chat.csv");
        Files.writeString(file, csv);

        ChatReading.Outcome out = ChatReading.readAll(file);

        assertThat(out.messages()).extracting(ChatMessage::text).containsExactly("before", "after");
        assertThat(out.rejected()).hasSize(101);
        assertThat(out.rejected().get(0).reason()).contains("runs past 64 lines or 128 KiB");
        assertThat(out.rejected().get(1).line()).isEqualTo(4);
        assertThat(out.rejected().get(1).reason()).isEqualTo("has 1 fields, the header has 2");
        assertThat(out.rows()).isEqualTo(103);
    }

    @Test
    void invalidUtf8AndOverlongLinesAreRejectedWithTheirLine() throws Exception {
        Path file = tmp.resolve("mixed.chat.jsonl");
        byte[] good = "{\"t\": 1, \"user\": \"a\", \"text\": \"ok\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] badUtf8 = {'{', '"', 't', '"', ':', '2', ',', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] longLine = ("{\"t\": 3, \"text\": \"" + "x".repeat(LineSource.MAX_LINE_BYTES + 10) + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            out.write(good);
            out.write(badUtf8);
            out.write(longLine);
            out.write(good);
        }
        ChatReading.Outcome out = ChatReading.readAll(file);
        assertThat(out.messages()).extracting(ChatMessage::line).containsExactly(1L, 4L);
        assertThat(out.rejected()).extracting(MalformedRowException::line).containsExactly(2L, 3L);
        assertThat(out.rejected().get(0).reason()).isEqualTo("invalid UTF-8 at byte 15 of the line");
        assertThat(out.rejected().get(1).reason()).contains("over the 131072-byte limit");
    }

    @Test
    void emptyFileHasNoRowsInAnyFormat() throws Exception {
        for (String name : List.of("a.chat.csv", "b.chat.json", "c.chat.txt")) {
            Path file = tmp.resolve(name);
            Files.createFile(file);
            ChatReading.Outcome out = ChatReading.readAll(file);
            assertThat(out.messages()).as(name).isEmpty();
            assertThat(out.rejected()).as(name).isEmpty();
        }
    }

    @Test
    void csvWhoseColumnsCannotBeMappedFailsWithTheHeader() throws IOException {
        Path file = tmp.resolve("odd.chat.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> ChatReading.readAll(file))
                .isInstanceOf(ChatFileException.class)
                .hasMessageContaining("odd.chat.csv")
                .hasMessageContaining("[a, b, c]")
                .hasMessageContaining("configure a CSV mapping");
    }

    @Test
    void missingFileIsAClearError() {
        ChatMessageReader reader = new ChatMessageReader(ChatReading.localFsUnchecked(), new org.apache.hadoop.fs.Path(tmp.resolve("none.chat.csv").toUri()),
                null, CsvMappingResolver.detectFromHeader());
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("cannot open chat file")
                .hasMessageContaining("none.chat.csv");
    }
}
