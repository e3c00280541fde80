package io.vscanpoc.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void roundsHalfUpWithoutBinaryArtefacts() {
        assertEquals("2.83x", Formats.speedup(2.825));
        assertEquals("96.7%", Formats.percent(100.0 * 29 / 30));
        assertEquals("62.3s", Formats.seconds(62.25));
        assertEquals("2.5", Formats.threshold(2.50));
        assertEquals("95", Formats.threshold(95.0));
    }

    @Test
    void aValueJustBelowTheThresholdNeverReadsAsTheThreshold() {
        assertEquals("94.96", Formats.against(94.96, 95, 1));
        assertEquals("2.499", Formats.against(2.499, 2.5, 2));
        assertEquals("95.0", Formats.against(95.0, 95, 1));
        assertEquals("96.7", Formats.against(96.66, 95, 1));
    }

    @Test
    void clockAndEnglish() {
        assertEquals("45s", Formats.clock(45.2));
        assertEquals("6m 39s", Formats.clock(399));
        assertEquals("1h 02m 10s", Formats.clock(3730));
        assertEquals("1 worker", Formats.count(1, "worker"));
        assertEquals("3 workers", Formats.count(3, "worker"));
        assertEquals("a, b and c", Formats.list(List.of("a", "b", "c")));
        assertEquals("a", Formats.list(List.of("a")));
    }
}
