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
                assertThat(out.rejected()).as(game).isEmpty();
                assertThat(out.messages()).as(game).hasSize(SharedData.LOL_ROWS.get(game));
                assertThat(out.messages()).as(game + " offsets are seconds within the VOD")
                        .allSatisfy(m -> assertThat(m.offsetMs()).isBetween(0L, 24L * 3600 * 1000));
                assertThat(out.messages()).extracting(ChatMessage::user).as("the export has no users").containsOnlyNulls();
            }
        }
    }
}
