package dev.highlighter.jobs.highlights;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded damage to a chat file, the kinds real files suffer: cut short, spliced with another
 * file, bytes flipped, a stray quote, a huge line, rows in another delimiter or pasted from
 * another export, binary junk, a stray quote followed by junk lines, JSON values of another type.
 * The same seed gives the same damage, and {@link Mutated#steps} says what was done.
 */
final class ChatMutator {

    record Mutated(byte[] bytes, List<String> steps) {
    }

    private final Random random;

    ChatMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One to three mutations of {@code seed}; {@code other} is spliced from. */
    Mutated mutate(byte[] seed, byte[] other) {
        byte[] bytes = seed;
        List<String> steps = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(10)) {
                case 0 -> {
                    int at = random.nextInt(bytes.length + 1);
                    steps.add("cut at byte " + at);
                    bytes = Arrays.copyOf(bytes, at);
                }
                case 1 -> {
                    int from = random.nextInt(other.length);
                    int len = Math.min(other.length - from, 1 + random.nextInt(4096));
                    int at = random.nextInt(bytes.length + 1);
                    steps.add("splice " + len + " bytes of another file at byte " + at);
                    bytes = insert(bytes, at, Arrays.copyOfRange(other, from, from + len));
                }
                case 2 -> {
                    int flips = 1 + random.nextInt(32);
                    steps.add("flip " + flips + " bytes");
                    bytes = bytes.clone();
                    for (int f = 0; f < flips && bytes.length > 0; f++) {
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                case 3 -> {
                    int at = lineStartOrComma(bytes);
                    steps.add("stray quote at byte " + at);
                    bytes = insert(bytes, at, new byte[] {'"'});
                }
                case 4 -> {
                    int len = 100_000 + random.nextInt(200_000);
                    byte[] line = new byte[len + 1];
                    for (int b = 0; b < len; b++) {
                        line[b] = (byte) ('a' + random.nextInt(26));
                    }
                    line[len] = '\n';
                    int at = lineStartOrComma(bytes);
                    steps.add("huge line of " + len + " bytes at byte " + at);
                    bytes = insert(bytes, at, line);
                }
                case 5 -> {
                    String delimiter = random.nextBoolean() ? "\t" : ";";
                    steps.add("lines in '" + (delimiter.equals("\t") ? "\\t" : delimiter) + "' instead of ','");
                    bytes = otherDelimiter(bytes, delimiter);
                }
                case 6 -> {
                    int len = 1 + random.nextInt(20_000);
                    byte[] junk = new byte[len];
                    random.nextBytes(junk);
                    int at = random.nextInt(bytes.length + 1);
                    steps.add(len + " bytes of binary junk at byte " + at);
                    bytes = insert(bytes, at, junk);
                }
                case 7 -> {
                    steps.add("lines pasted from a tab-separated export with other columns");
                    bytes = otherExport(bytes);
                }
                case 8 -> {
                    int values = 1 + random.nextInt(20);
                    steps.add(values + " JSON values of another type");
                    bytes = wrongTypes(bytes, values);
                }
                default -> {
                    int at = lineStartOrComma(bytes);
                    steps.add("unbalanced quote and junk lines at byte " + at);
                    StringBuilder junk = new StringBuilder("\"");
                    for (int l = 0, lines = 1 + random.nextInt(400); l < lines; l++) {
                        junk.append("junk ").append(random.nextInt()).append(random.nextBoolean() ? " \"" : "").append('\n');
                    }
                    bytes = insert(bytes, at, junk.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return new Mutated(bytes, steps);
    }

    /** Where a quote does damage: the start of a line or just after a comma. */
    private int lineStartOrComma(byte[] bytes) {
        for (int tries = 0; tries < 64 && bytes.length > 0; tries++) {
            int at = random.nextInt(bytes.length);
            if (bytes[at] == '\n' || bytes[at] == ',') {
                return at + 1;
            }
        }
        return bytes.length;
    }

    /** A run of lines with another delimiter, as when two exports are pasted together. */
    private byte[] otherDelimiter(byte[] bytes, String delimiter) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // byte for byte, whatever the encoding
        String[] lines = text.split("\n", -1);
        int from = random.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + random.nextInt(500));
        for (int i = from; i < to; i++) {
            lines[i] = lines[i].replace(",", delimiter);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A run of lines as another tool exports them: their last three comma fields, tab-separated. */
    private byte[] otherExport(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        int from = random.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + random.nextInt(500));
        for (int i = from; i < to; i++) {
            String[] fields = lines[i].split(",");
            lines[i] = String.join("\t", Arrays.asList(fields).subList(Math.max(0, fields.length - 3), fields.length));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** JSON values swapped for an object, an array, a boolean or null: valid JSON, unexpected shape. */
    private byte[] wrongTypes(byte[] bytes, int values) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] replacements = {"{\"x\": 1}", "[1, 2]", "true", "null", "\"\""};
        for (int i = 0; i < values; i++) {
            int colon = text.indexOf("\": ", random.nextInt(Math.max(1, text.length())));
            if (colon < 0) {
                break;
            }
            int start = colon + 3;
            int end = start;
            while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            text = text.substring(0, start) + replacements[random.nextInt(replacements.length)] + text.substring(end);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + piece.length);
        out.write(bytes, 0, at);
        out.write(piece, 0, piece.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
