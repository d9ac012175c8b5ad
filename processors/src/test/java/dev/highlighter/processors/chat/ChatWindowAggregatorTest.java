package dev.highlighter.processors.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.core.WindowFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatWindowAggregatorTest {

    final MessageSignalExtractor extractor = new MessageSignalExtractor(ReactionLexicon.loadDefault());

    private ChatWindowAggregator aggregate(List<ChatMessage> messages) {
        ChatWindowAggregator a = new ChatWindowAggregator("vod", 5_000);
        messages.forEach(m -> a.add(extractor.process(m)));
        return a;
    }

    @Test
    void windowsRunFromTheFirstMessageToTheLastWithQuietOnesIncluded() {
        List<WindowFeatures> w = aggregate(List.of(
                new ChatMessage(61_000, "a", "hi", 1),
                new ChatMessage(79_999, "b", "yo", 2),
                new ChatMessage(62_000, "c", "late line", 3))).features();
        assertThat(w).extracting(WindowFeatures::startMs).containsExactly(60_000L, 65_000L, 70_000L, 75_000L);
        assertThat(w).extracting(f -> f.get(ChatFeatures.MESSAGES)).containsExactly(2.0, 0.0, 0.0, 1.0);
        assertThat(w.get(0).get(ChatFeatures.RATE)).isEqualTo(0.4);
        assertThat(w.get(0).get(ChatFeatures.USERS)).isEqualTo(2.0);
    }

    @Test
    void aBurstStandsOutAgainstTheVodsOwnBaseline() {
        java.util.ArrayList<ChatMessage> messages = new java.util.ArrayList<>();
        for (int s = 0; s < 600; s += 2) {
            messages.add(new ChatMessage(s * 1000L, "u" + (s % 7), "just chatting", s));
        }
        for (int i = 0; i < 40; i++) {
            messages.add(new ChatMessage(300_000 + i * 100L, "fan" + i, "KEKW KEKW", 1000 + i));
        }
        List<WindowFeatures> w = aggregate(messages).features();
        WindowFeatures burst = w.stream().filter(f -> f.startMs() == 300_000).findFirst().orElseThrow();
        WindowFeatures calm = w.stream().filter(f -> f.startMs() == 100_000).findFirst().orElseThrow();
        assertThat(burst.get(ChatFeatures.z(ChatFeatures.RATE))).isGreaterThan(10);
        assertThat(burst.get(ChatFeatures.LAUGH)).isEqualTo(80.0);
        assertThat(burst.get(ChatFeatures.REPEATS)).as("40 copies of one text, 3 of another").isEqualTo(39.0 + 2);
        assertThat(calm.get(ChatFeatures.z(ChatFeatures.RATE))).isCloseTo(0.0, within(1.0));
    }

    @Test
    void countsEachWindowsTokensOncePerMessageAndKeepsTheMostUsed() {
        java.util.ArrayList<ChatMessage> messages = new java.util.ArrayList<>();
        messages.add(new ChatMessage(1_000, "a", "PENTA penta KILL", 1));
        messages.add(new ChatMessage(2_000, "b", "penta", 2));
        for (int i = 0; i < 200; i++) {
            messages.add(new ChatMessage(6_000, "u" + i, "word" + i + " common", 10 + i));
        }
        List<WindowFeatures> w = aggregate(messages).features();
        assertThat(w.get(0).get(ChatFeatures.token("penta"))).as("messages holding it, not uses").isEqualTo(2.0);
        assertThat(w.get(0).get(ChatFeatures.token("kill"))).isEqualTo(1.0);
        long tokens = w.get(1).values().keySet().stream().filter(ChatFeatures::isToken).count();
        assertThat(tokens).isEqualTo(ChatWindowAggregator.MAX_TOKENS_PER_WINDOW);
        assertThat(w.get(1).get(ChatFeatures.token("common"))).isEqualTo(200.0);
    }

    @Test
    void usersAreLeftOutWhenTheFormatHasNone() {
        List<WindowFeatures> w = aggregate(List.of(new ChatMessage(1_000, null, "hi", 1))).features();
        assertThat(w.get(0).has(ChatFeatures.USERS)).isFalse();
        assertThat(w.get(0).has(ChatFeatures.z(ChatFeatures.USERS))).isFalse();
    }

    @Test
    void lexiconCountsKoreanAndEnglishReactions() {
        MessageSignals korean = extractor.process(new ChatMessage(0, "a", "ㅋㅋㅋㅋㅋ 와아아 미쳤다 ㄷㄷ", 1));
        assertThat(korean.laugh()).isEqualTo(1);
        assertThat(korean.hype()).isEqualTo(3);
        MessageSignals english = extractor.process(new ChatMessage(0, "a", "OMEGALUL that was INSANE!!!", 1));
        assertThat(english.laugh()).isEqualTo(1);
        assertThat(english.emotes()).isEqualTo(1);
        assertThat(english.hype()).isEqualTo(1);
        assertThat(english.punctuation()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "GG", 1)).shouting()).as("too short to shout").isFalse();
        assertThat(extractor.process(new ChatMessage(0, "a", "WHAT A PLAY", 1)).shouting()).isTrue();
        assertThat(MessageSignalExtractor.normalise("LULLLLLL  lul")).isEqualTo(MessageSignalExtractor.normalise("LULLL lul"));
    }

    @Test
    void signalsWithoutAWordListMeanTheSameInAnyLanguage() {
        assertThat(extractor.process(new ChatMessage(0, "a", "ㅋㅋㅋㅋ", 1)).stretched()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "wwwww", 1)).stretched()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "23333", 1)).stretched()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "what a game", 1)).stretched()).isFalse();
        assertThat(extractor.process(new ChatMessage(0, "a", "草 😂", 1)).emoji()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "♥ gg", 1)).emoji()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "jajaja no way!", 1)).emoji()).isFalse();
        assertThat(extractor.process(new ChatMessage(0, "a", "PogChamp", 1)).camel()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "so monkaS here", 1)).camel()).isTrue();
        assertThat(extractor.process(new ChatMessage(0, "a", "KEKW LUL Hello", 1)).camel()).as("caps and a capitalised word are not emotes").isFalse();
        assertThat(extractor.process(new ChatMessage(0, "a", "草 😂", 1)).chars()).as("code points, not UTF-16 units").isEqualTo(3);
    }

    @Test
    void theSameTokenSpammedCountsOnceAMessageWhateverItsLength() {
        assertThat(ChatWindowAggregator.collapse("kkkkkk")).isEqualTo("kk");
        assertThat(ChatWindowAggregator.collapse("ㅋㅋㅋ")).isEqualTo("ㅋㅋ");
        assertThat(ChatWindowAggregator.collapse("23333")).isEqualTo("233");
        assertThat(ChatWindowAggregator.collapse("jajaja")).isEqualTo("jajaja");
        java.util.ArrayList<ChatMessage> messages = new java.util.ArrayList<>();
        String[] spam = {"kkkk", "kkkkkkk", "kkk", "KKKK what", "ok"};
        for (int i = 0; i < spam.length; i++) {
            messages.add(new ChatMessage(1_000 + i, "u" + i, spam[i], i));
        }
        messages.add(new ChatMessage(6_000, "a", "a long calm message about the draft", 9));
        List<WindowFeatures> w = aggregate(messages).features();
        assertThat(w.get(0).get(ChatFeatures.SPAM)).isEqualTo(4.0);
        assertThat(w.get(0).get(ChatFeatures.STRETCHED)).isEqualTo(4.0);
        assertThat(w.get(0).get(ChatFeatures.CHARS)).isEqualTo(4 + 7 + 3 + 9 + 2);
        assertThat(w.get(1).get(ChatFeatures.SPAM)).isEqualTo(1.0);
        assertThat(w.get(1).get(ChatFeatures.CHARS)).isEqualTo(35.0);
    }
}
