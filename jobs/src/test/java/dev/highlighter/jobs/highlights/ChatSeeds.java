package dev.highlighter.jobs.highlights;

import dev.highlighter.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real chat in the five formats, as the fuzzer's starting points: a slice of a real LoL CSV
 * (with its stray quote and tab run), a slice of real Dota 2 JSONL, and the same Dota messages
 * written as TwitchDownloader JSON, its text export (IRC lines among them) and yt-dlp live_chat
 * lines (with a membership notice now and then, which is not chat).
 */
final class ChatSeeds {

    /** A seed: the name its format is detected from, and its bytes. */
    record Seed(String name, byte[] bytes) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ChatSeeds() {
    }

    static List<Seed> all() throws IOException {
        List<String> lol = Files.readAllLines(SharedData.lolChat().resolve("102844401153971877.csv"));
        List<String> csv = new ArrayList<>(List.of(lol.get(0)));
        csv.addAll(lol.subList(8199, 8600)); // lines 8200-8600: the stray quote on 8290 and its tab run
        Path dota = SharedData.dir().resolve("dota2-2017/chat/324215198.chat.jsonl");
        List<String> jsonl = Files.readAllLines(dota).subList(0, 300);
        List<JsonNode> messages = jsonl.stream().map(JSON::readTree).toList();
        return List.of(
                new Seed("lol.chat.csv", lines(csv)),
                new Seed("dota.chat.jsonl", lines(jsonl)),
                new Seed("twitch.chat.json", twitchJson(messages)),
                new Seed("twitch.chat.txt", twitchText(messages)),
                new Seed("youtube.chat.json", liveChat(messages)));
    }

    private static byte[] lines(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** TwitchDownloaderCLI's layout: the video, then one comment per line in the comments array. */
    private static byte[] twitchJson(List<JsonNode> messages) {
        StringBuilder out = new StringBuilder("{\"streamer\": {\"name\": \"dota\", \"id\": 1}, \"video\": {\"id\": \"324215198\"},\n \"comments\": [\n");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            ObjectNode comment = JSON.createObjectNode();
            comment.put("_id", "c" + i);
            comment.put("content_offset_seconds", m.get("t").asDouble());
            comment.putObject("commenter").put("display_name", m.get("user").asString()).put("name", m.get("user").asString());
            ObjectNode message = comment.putObject("message");
            message.put("body", m.get("text").asString());
            ArrayNode fragments = message.putArray("fragments");
            fragments.addObject().put("text", m.get("text").asString()).putNull("emoticon");
            out.append("  ").append(JSON.writeValueAsString(comment)).append(i < messages.size() - 1 ? ",\n" : "\n");
        }
        return out.append(" ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] twitchText(List<JsonNode> messages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            long s = (long) m.get("t").asDouble();
            String clock = String.format(Locale.ROOT, "[%d:%02d:%02d]", s / 3600, s / 60 % 60, s % 60);
            String user = m.get("user").asString();
            out.append(clock).append(i % 5 == 0 ? " <" + user + "> " : " " + user + ": ").append(m.get("text").asString()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** yt-dlp's live_chat.json: one replay action per line, the offset as a string of ms. */
    private static byte[] liveChat(List<JsonNode> messages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String ms = String.valueOf(Math.round(m.get("t").asDouble() * 1000));
            Map<String, Object> renderer = new LinkedHashMap<>();
            renderer.put("message", Map.of("runs", List.of(Map.of("text", m.get("text").asString()))));
            renderer.put("authorName", Map.of("simpleText", m.get("user").asString()));
            String kind = i % 25 == 7 ? "liveChatMembershipItemRenderer" : "liveChatTextMessageRenderer";
            Map<String, Object> action = Map.of("addChatItemAction", Map.of("item", Map.of(kind, renderer)));
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("actions", List.of(action));
            replay.put("videoOffsetTimeMsec", ms);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("replayChatItemAction", replay);
            line.put("videoOffsetTimeMsec", ms);
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
