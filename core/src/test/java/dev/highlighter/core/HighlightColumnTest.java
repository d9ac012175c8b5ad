package dev.highlighter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The names rows already in HBase use: renaming a constant must not rename its column. */
class HighlightColumnTest {

    @Test
    void qualifiersAreTheStoredNames() {
        assertThat(Arrays.stream(HighlightColumn.values()).map(HighlightColumn::qualifier)).containsExactly(
                "start_ms", "end_ms", "score", "rank", "model_version", "model_scope", "top_features", "signals", "job_execution");
    }
}
