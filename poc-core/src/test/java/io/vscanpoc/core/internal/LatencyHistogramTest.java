package io.vscanpoc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReportsZero() {
        var histogram = new LatencyHistogram();
        assertEquals(0, histogram.count());
        assertEquals(0, histogram.max());
        assertEquals(0, histogram.valueAt(0.5));
    }

    @Test
    void smallValuesAreExact() {
        var histogram = new LatencyHistogram();
        for (long v = 0; v < 128; v++) {
            histogram.record(v);
        }
        assertEquals(128, histogram.count());
        assertEquals(63, histogram.valueAt(0.5));
        assertEquals(127, histogram.valueAt(1.0));
        assertEquals(0, histogram.valueAt(1.0 / 128));
    }

    @Test
    void bucketsTileTheWholeRangeWithoutGapsOrOverlaps() {
        long expectedLower = 0;
        int index = 0;
        while (true) {
            assertEquals(expectedLower, LatencyHistogram.lowerBoundOf(index), "bucket " + index);
            long width = LatencyHistogram.widthOf(index);
            long upper = expectedLower + width - 1;
            assertEquals(index, LatencyHistogram.indexOf(expectedLower));
            assertEquals(index, LatencyHistogram.indexOf(upper));
            assertTrue(width == 1 || width * 64 <= expectedLower, "width within 1/64 of the value");
            if (upper == Long.MAX_VALUE) {
                break;
            }
            expectedLower = upper + 1;
            index++;
        }
        var histogram = new LatencyHistogram();
        histogram.record(Long.MAX_VALUE);
        histogram.record(-5);
        assertEquals(2, histogram.count());
        assertEquals(Long.MAX_VALUE, histogram.max());
        assertEquals(0, histogram.valueAt(0.5));
    }

    @Test
    void percentilesAreWithinTheDocumentedRelativeErrorOfTheExactNearestRank() {
        var random = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            var histogram = new LatencyHistogram();
            int n = 1 + random.nextInt(5000);
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                // Log-uniform from 1 ns to about 1 minute.
                values[i] = (long) Math.exp(random.nextDouble() * Math.log(60e9));
                histogram.record(values[i]);
            }
            Arrays.sort(values);
            for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999, 1.0}) {
                long exact = values[(int) Math.max(1, Math.ceil(q * n)) - 1];
                long reported = histogram.valueAt(q);
                assertTrue(Math.abs(reported - exact) <= exact / 128.0 + 1,
                        "q=" + q + " exact=" + exact + " reported=" + reported);
            }
            assertEquals(values[n - 1], histogram.max());
            assertEquals(values[n - 1], histogram.valueAt(1.0), "p100 is clamped to the exact max");
        }
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        var histogram = new LatencyHistogram();
        int threads = 16;
        int each = 20_000;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(executor.submit(() -> {
                    var random = new SplittableRandom(seed);
                    for (int i = 0; i < each; i++) {
                        histogram.record(random.nextLong(1, 1_000_000));
                        if (i % 1000 == 0) {
                            Thread.yield();
                        }
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        }
        assertEquals((long) threads * each, histogram.count());
    }

    @Test
    void rejectsQuantilesOutsideTheUnitInterval() {
        var histogram = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAt(0));
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAt(1.5));
        assertThrows(IllegalArgumentException.class, () -> histogram.valueAt(Double.NaN));
    }
}
