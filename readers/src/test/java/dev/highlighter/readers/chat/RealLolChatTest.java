package dev.highlighter.readers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real Twitch chat of LoL Worlds 2019 in ../shared/data, read as CSV with header detection. */
class RealLolChatTest {

    /**
     * Rows per file as Python's csv module counts them (rows whose duration parses as a float):
     * an independent parser, so a disagreement means ours mis-splits a record.
     */
    static final Map<String, Integer> PYTHON_CSV_ROWS = new TreeMap<>(Map.ofEntries(
            Map.entry("102844212428895431", 10596), Map.entry("102844212430075086", 17072),
            Map.entry("102844212431320277", 13357), Map.entry("102844224147717245", 8630),
            Map.entry("102844235747982779", 17056), Map.entry("102844235751783874", 10720),
            Map.entry("102844283023599703", 13745), Map.entry("102844294667995333", 11393),
            Map.entry("102844294674286796", 16668), Map.entry("102844341906649746", 17536),
            Map.entry("102844401151219358", 15676), Map.entry("102844401153971877", 11780),
            Map.entry("102844412705217835", 14839), Map.entry("102844412709346612", 21097),
            Map.entry("102844412716227901", 14623), Map.entry("102844412722519367", 18521)));

    @Test
    void everyRowOfEveryGameIsReadWithItsOffset() throws Exception {
        Path dir = SharedData.lolChat();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String game = file.getFileName().toString().replace(".csv", "");
                ChatReading.Outcome out = ChatReading.readAll(file);
                assertThat(out.rejected()).as(game).isEmpty();
                assertThat(out.messages()).as(game).hasSize(PYTHON_CSV_ROWS.get(game));
                assertThat(out.messages()).as(game + " offsets are seconds within the VOD")
                        .allSatisfy(m -> assertThat(m.offsetMs()).isBetween(0L, 24L * 3600 * 1000));
                assertThat(out.messages()).extracting(ChatMessage::user).as("the export has no users").containsOnlyNulls();
            }
        }
    }
}
