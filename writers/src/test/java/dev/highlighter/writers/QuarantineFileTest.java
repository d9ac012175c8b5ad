package dev.highlighter.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.highlighter.core.RejectedRecord;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quarantine on a real (local) Hadoop FileSystem: what it writes, and its cap. */
class QuarantineFileTest {

    @TempDir
    java.nio.file.Path tmp;

    record Bad(String file, long line, String reason, String raw, long rows) implements RejectedRecord {
        Bad(long line) {
            this("in.chat.csv", line, "has 1 fields, the header has 8", "junk " + line, 1);
        }
    }

    private QuarantineFile quarantine(QuarantineLimits limits) throws Exception {
        return new QuarantineFile(FileSystem.getLocal(new Configuration()), new Path(tmp.resolve("q.jsonl").toUri()), limits);
    }

    private List<JsonNode> rows() throws Exception {
        return Files.readAllLines(tmp.resolve("q.jsonl")).stream().map(l -> JsonMapper.builder().build().readTree(l)).toList();
    }

    @Test
    void pastTheRowCapItWritesTheCountAndFailsWithTheFigure() throws Exception {
        QuarantineFile q = quarantine(new QuarantineLimits(100, 1L << 20));
        for (int i = 1; i <= 100; i++) {
            q.record(new Bad(i + 1));
        }
        assertThatThrownBy(() -> q.record(new Bad(102)))
                .isInstanceOf(TooManyBadRowsException.class)
                .hasMessage("too many bad rows in in.chat.csv: 101 by line 102, past the quarantine's cap of 100 rows or 1 MiB;"
                        + " reading stopped there, and the first 100 are in " + q.path());
        assertThatThrownBy(() -> q.record(new Bad(103))).as("and every row after").isInstanceOf(TooManyBadRowsException.class);
        q.close();

        List<JsonNode> rows = rows();
        assertThat(rows).hasSize(101);
        assertThat(rows.get(0).get("raw").asString()).isEqualTo("junk 2");
        assertThat(rows.get(100).get("reason").asString()).startsWith("too many bad rows");
        assertThat(rows.get(100).get("bad_rows").asLong()).isEqualTo(101);
        assertThat(q.badRows()).isEqualTo(100);
    }

    @Test
    void theByteCapHoldsWhateverTheRowsWeigh() throws Exception {
        QuarantineFile q = quarantine(new QuarantineLimits(1_000_000, 64 * 1024));
        String big = "x".repeat(2000);
        assertThatThrownBy(() -> {
            for (int i = 1; ; i++) {
                q.record(new Bad("in.chat.csv", i, "line is 200000 bytes, over the 131072-byte limit", big, 1));
            }
        }).isInstanceOf(TooManyBadRowsException.class).hasMessageContaining("cap of 1000000 rows or 65536 bytes");
        q.close();
        assertThat(Files.size(tmp.resolve("q.jsonl"))).as("the cap and one count row").isLessThan(64 * 1024 + 1024);
    }

    @Test
    void aBlockCountsItsRowsAndSaysSo() throws Exception {
        QuarantineFile q = quarantine(QuarantineLimits.DEFAULT);
        q.record(new Bad("in.chat.csv", 302, "200 tab-separated rows (lines 302-501) do not fit", "a\tb\tc", 200));
        q.record(new Bad(600));
        q.close();
        assertThat(q.rows()).isEqualTo(2);
        assertThat(q.badRows()).isEqualTo(201);
        assertThat(rows().get(0).get("rows").asLong()).isEqualTo(200);
        assertThat(rows().get(1).has("rows")).as("one row needs no count").isFalse();
    }

    @Test
    void resetForgetsAnEarlierRunAndItsCap() throws Exception {
        QuarantineFile q = quarantine(new QuarantineLimits(1, 1L << 20));
        q.record(new Bad(2));
        assertThatThrownBy(() -> q.record(new Bad(3))).isInstanceOf(TooManyBadRowsException.class);
        q.reset();
        q.record(new Bad(4));
        q.close();
        assertThat(rows()).hasSize(1);
    }
}
