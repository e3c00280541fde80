package io.vscanpoc.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScannerBenchmarkTest {

    @Test
    void measuresASmallRunConsistently() throws Exception {
        var result = new ScannerBenchmark(Duration.ZERO, 3).run(50, 10, 2).result();
        assertEquals(50, result.items());
        assertEquals(10, result.workers());
        assertEquals(2, result.latencyMs());
        assertEquals(0.010, result.idealSeconds(), 1e-12, "ceil(50/10) x 2 ms");
        // No schedule can beat ceil(N/W) rounds of L with W at a time, and sleeps never end early.
        assertTrue(result.wallSeconds() >= result.idealSeconds(), "wall " + result.wallSeconds());
        assertEquals(result.idealSeconds() / result.wallSeconds(), result.efficiency(), 1e-12);
        assertTrue(result.peakConcurrency() >= 1 && result.peakConcurrency() <= 10);
        assertTrue(result.overheadMicrosPerTask() > 0);
        assertTrue(result.peakHeapMb() > 0);
        assertNotNull(result.platformThreadsWallSeconds());
        assertTrue(result.platformThreadsWallSeconds() >= result.idealSeconds());
    }

    @Test
    void zeroLatencyHasUnitEfficiencyAndReusesTheRunForOverhead() throws Exception {
        var result = new ScannerBenchmark(Duration.ZERO, 1).run(30, 4, 0).result();
        assertEquals(0.0, result.idealSeconds());
        assertEquals(1.0, result.efficiency());
        assertEquals(result.wallSeconds() / 30 * 1e6, result.overheadMicrosPerTask(), 1e-9);
    }

    @Test
    void rejectsImpossibleSettings() {
        var benchmark = new ScannerBenchmark(Duration.ZERO, 1);
        assertThrows(IllegalArgumentException.class, () -> benchmark.run(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> benchmark.run(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> benchmark.run(1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ScannerBenchmark(Duration.ZERO, 0));
    }

    @Test
    void figuresAreMediansOfTheRepeats() throws Exception {
        var measurement = new ScannerBenchmark(Duration.ZERO, 3).run(20, 5, 1);
        assertEquals(3, measurement.scannerRuns().size());
        assertEquals(3, measurement.overheadRuns().size());
        assertEquals(ScannerBenchmark.median(measurement.scannerRuns()), measurement.result().wallSeconds());
        assertEquals(ScannerBenchmark.median(measurement.platformRuns()),
                measurement.result().platformThreadsWallSeconds());
        assertEquals(2.0, ScannerBenchmark.median(java.util.List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, ScannerBenchmark.median(java.util.List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
