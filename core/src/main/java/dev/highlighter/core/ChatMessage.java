package dev.highlighter.core;

/**
 * One chat message on the VOD clock.
 *
 * @param offsetMs milliseconds from the start of the VOD
 * @param user     the author, or null where the format has no user names
 * @param text     the message body
 * @param line     the 1-based line (or record) in the source file, for error messages
 */
public record ChatMessage(long offsetMs, String user, String text, long line) {
}
