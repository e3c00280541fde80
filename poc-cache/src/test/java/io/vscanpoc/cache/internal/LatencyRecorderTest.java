package io.vscanpoc.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.StatsSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void emptyIsNone() {
        assertEquals(StatsSnapshot.Latency.NONE, new LatencyRecorder().snapshot());
    }

    @Test
    void percentilesAreWithinTheBucketPrecision() {
        var recorder = new LatencyRecorder();
        for (long micros = 1; micros <= 1000; micros++) {
            recorder.record(micros * 1000);
        }
        var latency = recorder.snapshot();
        assertEquals(1000, latency.count());
        assertNear(Duration.ofNanos(500_000), latency.p50());
        assertNear(Duration.ofNanos(900_000), latency.p90());
        assertNear(Duration.ofNanos(990_000), latency.p99());
        assertEquals(Duration.ofNanos(1_000_000), latency.max());
    }

    @Test
    void everyValueLandsInABucketWhoseBoundsHoldIt() {
        for (long value : new long[] {0, 1, 15, 16, 17, 31, 32, 1000, 123_456_789, Long.MAX_VALUE / 3}) {
            int bucket = LatencyRecorder.bucketOf(value);
            assertTrue(LatencyRecorder.upperBoundOf(bucket) >= value, "upper of " + value);
            assertTrue(bucket == 0 || LatencyRecorder.upperBoundOf(bucket - 1) < value, "lower of " + value);
        }
    }

    private static void assertNear(Duration expected, Duration actual) {
        double ratio = (double) actual.toNanos() / expected.toNanos();
        assertTrue(ratio >= 0.99 && ratio <= 1.07, expected + " vs " + actual);
    }
}
