package dev.highlighter.readers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real Twitch chat of LoL Worlds 2019 in ../shared/data, read as CSV with header detection. */
class RealLolChatTest {

    @Test
    void everyRowOfEveryGameIsReadWithItsOffset() throws Exception {
        Path dir = SharedData.lolChat();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String game = file.getFileName().toString().replace(".csv", "");
                ChatReading.Outcome out = ChatReading.readAll(file);
                SharedData.TabRun run = SharedData.LOL_TAB_RUNS.get(game);
                if (run == null) {
                    assertThat(out.rejected()).as(game).isEmpty();
                } else {
                    assertThat(out.rejected()).as(game + ": only the line whose stray quote opened the tab run").singleElement()
                            .satisfies(e -> assertThat(e.line()).isEqualTo(run.quoteLine()));
                }
                assertThat(out.messages()).as(game).hasSize(SharedData.lolMessages(game));
                assertThat(out.messages()).as(game + " offsets are seconds within the VOD")
                        .allSatisfy(m -> assertThat(m.offsetMs()).isBetween(0L, 24L * 3600 * 1000));
                assertThat(out.messages()).extracting(ChatMessage::user).as("the export has no users").containsOnlyNulls();
            }
        }
    }

    @Test
    void theTabRowsInsideABrokenFieldAreTheRealMessagesInOrder() throws Exception {
        ChatReading.Outcome out = ChatReading.readAll(SharedData.lolChat().resolve("102844401153971877.csv"));
        // line 8290 ends in a lone quote; lines 8291-8535 are the tab-separated export, the last
        // one closing the field ("LONG CD"" OMEGALUL"")
        assertThat(out.rejected().get(0).raw()).endsWith(",15196.675,\"");
        assertThat(out.messages()).filteredOn(m -> m.line() >= 8291 && m.line() <= 8535).hasSize(245)
                .first().satisfies(m -> {
                    assertThat(m.offsetMs()).isEqualTo(15_196_753L);
                    assertThat(m.text()).isEqualTo("squaDP");
                });
        ChatMessage last = out.messages().stream().filter(m -> m.line() == 8535).findFirst().orElseThrow();
        assertThat(last.text()).isEqualTo("LONG CD\" OMEGALUL");
        assertThat(last.offsetMs()).isEqualTo(15_245_619L);
        ChatMessage after = out.messages().stream().filter(m -> m.line() == 8536).findFirst().orElseThrow();
        assertThat(after.offsetMs()).as("comma rows resume").isEqualTo(15_245_984L);
    }
}
