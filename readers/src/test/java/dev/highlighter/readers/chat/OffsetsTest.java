package dev.highlighter.readers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digit-by-digit reading of plain offsets must give exactly what the double reading gives. */
class OffsetsTest {

    @Test
    void plainOffsetsReadAsTheDoubleWayReadsThem() {
        Random random = new Random(15);
        for (int i = 0; i < 300_000; i++) {
            long whole = switch (i % 3) {
                case 0 -> random.nextInt(100_000);
                case 1 -> random.nextInt(1_000_000_000);
                default -> Offsets.MAX_OFFSET_MS / 1000 - random.nextInt(10);
            };
            int digits = random.nextInt(4);
            String text = digits == 0 ? Long.toString(whole)
                    : whole + "." + String.format("%0" + digits + "d", random.nextInt((int) Math.pow(10, digits)));
            long viaDouble = Math.round(Double.parseDouble(text) * 1000);
            if (viaDouble > Offsets.MAX_OFFSET_MS) {
                assertThatThrownBy(() -> Offsets.secondsToMs(text)).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(Offsets.secondsToMs(text)).as(text).isEqualTo(viaDouble);
            }
        }
    }

    @Test
    void anythingElseGoesTheGeneralWay() {
        for (String text : new String[] {"", " ", "1.2345", ".5", "5.", "-1", "+1", " 12.5", "1e3", "0x10", "1:02:03.5", "0012.50",
                "1234567890.1", "604800", "604800.000", "NaN"}) {
            assertThat(Offsets.plainSecondsToMs(text) < 0 || text.matches("\\d{1,9}(\\.\\d{1,3})?")).as(text).isTrue();
        }
        assertThat(Offsets.secondsToMs("0012.50")).isEqualTo(12_500);
        assertThat(Offsets.secondsToMs("1.2345")).isEqualTo(1_235);
        assertThat(Offsets.secondsToMs("604800")).isEqualTo(Offsets.MAX_OFFSET_MS);
        assertThat(Offsets.plainSecondsToMs("604800")).isEqualTo(-1);
    }
}
