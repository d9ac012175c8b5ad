package dev.highlighter.readers.chat;

import dev.highlighter.core.ChatMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TwitchDownloaderCLI's text export, {@code [H:MM:SS] user: message}, and IRC-style logs,
 * {@code [H:MM:SS] <user> message}.
 */
final class TwitchTextChatParser extends LineChatParser {

    private static final Pattern LINE = Pattern.compile(
            "^\\[(?<clock>\\d+(?::\\d{1,2}){1,2}(?:\\.\\d+)?)]\\s*(?:<(?<irc>[^>]+)>\\s?|(?<user>[^\\s:][^:]*?):\\s?)(?<text>.*)$");

    TwitchTextChatParser(String file, LineSource lines) {
        super(file, lines);
    }

    @Override
    protected ChatMessage parse(String text, long lineNumber) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a '[H:MM:SS] user: message' or '[H:MM:SS] <user> message' line");
        }
        String user = m.group("irc") != null ? m.group("irc") : m.group("user");
        return new ChatMessage(Offsets.secondsToMs(m.group("clock")), user.trim(), m.group("text"), lineNumber);
    }
}
