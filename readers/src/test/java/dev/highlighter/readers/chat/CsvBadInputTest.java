package dev.highlighter.readers.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.highlighter.core.ChatMessage;
import dev.highlighter.core.testing.SharedData;
import dev.highlighter.readers.MalformedRowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken quoting and other delimiters in real LoL rows (issue 10, case 4): every row ends up
 * read or quarantined, and a quarantined row keeps its raw text.
 */
class CsvBadInputTest {

    static final String HEADER = ",leage,game,view,length,real_time,duration,chat";

    @TempDir
    Path tmp;

    /** Real lines of a LoL file, 1-based, as they are on disk. */
    private static List<String> realLines(String game) throws Exception {
        return Files.readAllLines(SharedData.lolChat().resolve(game + ".csv"));
    }

    private static String withStrayQuote(String csvLine) {
        int chat = nthComma(csvLine, 7) + 1;
        return csvLine.substring(0, chat) + "\"" + csvLine.substring(chat);
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }

    /** The row as the dataset's tab-separated export wrote it: no index column, quotes doubled inside the swallowing field. */
    private static String asTabRow(String csvLine) {
        String[] f = csvLine.split(",", 8);
        return String.join("\t", List.of(f).subList(1, 8)).replace("\"", "\"\"");
    }

    @Test
    void unbalancedQuoteAtLine1500IsOneBadRowAndTheSixLinesItSwallowedAreRead() throws Exception {
        // 3000 real rows on lines 2-3001; real line 1547 ("Free Tibet, ...", quoted with commas)
        // lands on line 1506, and lines 1500-1505 hold no quote of their own
        List<String> real = realLines("102844212428895431");
        List<String> file = new ArrayList<>(List.of(HEADER));
        file.addAll(real.subList(42, 3042));
        assertThat(file.get(1505)).contains(",\"Free Tibet, ");
        assertThat(file.subList(1499, 1505)).noneMatch(l -> l.contains("\""));
        file.set(1499, withStrayQuote(file.get(1499)));
        Path csv = tmp.resolve("line1500.chat.csv");
        Files.write(csv, file);

        ChatReading.Outcome out = ChatReading.readAll(csv);

        assertThat(out.messages()).as("read").hasSize(2999);
        assertThat(out.rejected()).as("skipped").singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1500);
            assertThat(e.reason()).contains("unbalanced quote");
            assertThat(e.raw()).as("raw text kept").isEqualTo(file.get(1499));
        });
        assertThat(out.messages()).extracting(ChatMessage::line).contains(1501L, 1502L, 1503L, 1504L, 1505L, 1506L);
        assertThat(out.messages().stream().filter(m -> m.line() == 1506).findFirst().orElseThrow().text())
                .startsWith("Free Tibet, The Tiananmen Square Massacre");
    }

    @Test
    void fourThousandFiveHundredTabRowsAfterABrokenFieldAreReadAsRows() throws Exception {
        // the held-out file's shape: a stray quote, then ~4,500 rows of the tab-separated export
        // (past the 128 KiB a quoted field may hold), closed by a quote at the end of the last
        List<String> real = realLines("102844412709346612").subList(1, 6601).stream().filter(l -> !l.contains("\"")).toList();
        List<String> file = new ArrayList<>(List.of(HEADER));
        file.addAll(real.subList(0, 1000));
        file.add(withStrayQuote(real.get(1000)));
        List<String> tabRows = real.subList(1001, 5501);
        for (int i = 0; i < tabRows.size(); i++) {
            file.add(asTabRow(tabRows.get(i)) + (i == tabRows.size() - 1 ? "\"" : ""));
        }
        file.addAll(real.subList(5501, 6000));
        Path csv = tmp.resolve("tab-run.chat.csv");
        Files.write(csv, file);

        ChatReading.Outcome out = ChatReading.readAll(csv);

        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1002);
            assertThat(e.raw()).isEqualTo(file.get(1001));
        });
        assertThat(out.messages()).hasSize(5999);
        ChatMessage firstTab = out.messages().get(1000);
        assertThat(firstTab.line()).isEqualTo(1003);
        assertThat(firstTab.offsetMs()).isEqualTo(Math.round(Double.parseDouble(tabRows.get(0).split(",", 8)[6]) * 1000));
        assertThat(firstTab.text()).isEqualTo(tabRows.get(0).split(",", 8)[7]);
        assertThat(out.messages().get(5499).text()).as("the closing quote is not part of the last message")
                .isEqualTo(tabRows.get(4499).split(",", 8)[7]);
        assertThat(out.messages().get(5500).line()).as("comma rows again after the run").isEqualTo(5503);
    }

    @Test
    void aTabRunWhoseColumnsDoNotFitIsOneCountedBlockWithASample() throws Exception {
        // rows of another export (real_time, duration, chat) pasted into a comma file, no quote
        List<String> real = realLines("102844224147717245").subList(1, 801).stream().filter(l -> !l.contains("\"")).toList();
        List<String> file = new ArrayList<>(List.of(HEADER));
        file.addAll(real.subList(0, 300));
        for (String row : real.subList(300, 500)) {
            String[] f = row.split(",", 8);
            file.add(f[5] + "\t" + f[6] + "\t" + f[7]);
        }
        file.addAll(real.subList(500, 700));
        Path csv = tmp.resolve("other-export.chat.csv");
        Files.write(csv, file);

        ChatReading.Outcome out = ChatReading.readAll(csv);

        assertThat(out.messages()).hasSize(500);
        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(302);
            assertThat(e.rows()).isEqualTo(200);
            assertThat(e.reason()).contains("200 tab-separated rows").contains("lines 302-501");
            assertThat(e.raw()).startsWith(file.get(301) + "\n" + file.get(302));
        });
        assertThat(out.rows()).as("every row counted").isEqualTo(700);
    }

    @Test
    void aStrayQuoteOverRowsOfAnotherExportIsTheQuoteAndOneBlock() throws Exception {
        List<String> real = realLines("102844224147717245").subList(1, 401).stream().filter(l -> !l.contains("\"")).toList();
        List<String> file = new ArrayList<>(List.of(HEADER));
        file.addAll(real.subList(0, 100));
        file.add(withStrayQuote(real.get(100)));
        for (String row : real.subList(101, 151)) {
            String[] f = row.split(",", 8);
            file.add(f[5] + "\t" + f[6] + "\t" + f[7].replace("\"", "\"\"") + (row == real.get(150) ? "\"" : ""));
        }
        file.addAll(real.subList(151, 300));
        Path csv = tmp.resolve("quoted-other-export.chat.csv");
        Files.write(csv, file);

        ChatReading.Outcome out = ChatReading.readAll(csv);

        assertThat(out.messages()).hasSize(249);
        assertThat(out.rejected()).hasSize(2);
        assertThat(out.rejected().get(0).line()).isEqualTo(102);
        assertThat(out.rejected().get(1).rows()).isEqualTo(50);
        assertThat(out.rejected().get(1).reason()).contains("lines 103-152");
        assertThat(out.messages().get(100).line()).as("comma rows after the closing quote").isEqualTo(153);
        assertThat(out.rows()).isEqualTo(300);
    }

    @Test
    void offsetsTooLargeForAVodAreOutOfRangeNotInfinite() throws Exception {
        Path csv = tmp.resolve("huge.chat.csv");
        Files.writeString(csv, "t,text\n1e308,too late\n1.5,fine\nNaN,nan\n");
        ChatReading.Outcome out = ChatReading.readAll(csv);
        assertThat(out.messages()).extracting(ChatMessage::text).containsExactly("fine");
        assertThat(out.rejected()).extracting(MalformedRowException::reason)
                .containsExactly("offset '1e308' is out of range: over 7 days (604800 s)", "offset 'NaN' is not a number");
    }

    @Test
    void anUndecodableLineKeepsItsBytesInTheQuarantine() throws Exception {
        Path csv = tmp.resolve("latin1.chat.csv");
        byte[] head = "t,text\n1,ok\n2,caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = {(byte) 0xE9, '\n', '3', ',', 'o', 'k', '\n'};
        Files.write(csv, concat(head, tail));
        ChatReading.Outcome out = ChatReading.readAll(csv);
        assertThat(out.messages()).hasSize(2);
        assertThat(out.rejected()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("invalid UTF-8 at byte 5 of the line");
            assertThat(e.raw()).isEqualTo("2,caf\uFFFD");
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
