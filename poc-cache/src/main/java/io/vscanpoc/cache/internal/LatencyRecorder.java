package io.vscanpoc.cache.internal;

import io.vscanpoc.core.StatsSnapshot;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A lock-free latency histogram: log-linear buckets (16 per power of two, so a percentile is within
 * about 6% of the true value) over nanoseconds. Recording is two atomic increments, cheap enough for
 * every operation of hundreds of threads. Not API.
 */
public final class LatencyRecorder {

    private static final int SUB_BUCKETS = 16;
    private static final int SUB_BITS = 4;
    private static final int BUCKETS = SUB_BUCKETS + (63 - SUB_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /** Records one operation that took {@code nanos}; negative values count as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(bucketOf(value));
        max.accumulate(value);
    }

    /** Percentiles of what was recorded so far; {@link StatsSnapshot.Latency#NONE} when nothing was. */
    public StatsSnapshot.Latency snapshot() {
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        if (total == 0) {
            return StatsSnapshot.Latency.NONE;
        }
        long maxNanos = max.get();
        return new StatsSnapshot.Latency(
                total,
                percentile(copy, total, 0.50, maxNanos),
                percentile(copy, total, 0.90, maxNanos),
                percentile(copy, total, 0.99, maxNanos),
                Duration.ofNanos(maxNanos));
    }

    static int bucketOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) ((value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls in {@code bucket}. */
    static long upperBoundOf(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int shift = (bucket - SUB_BUCKETS) / SUB_BUCKETS;
        long sub = (bucket - SUB_BUCKETS) % SUB_BUCKETS;
        long lower = (SUB_BUCKETS + sub) << shift;
        return lower + (1L << shift) - 1;
    }

    private static Duration percentile(long[] counts, long total, double quantile, long maxNanos) {
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                // A bucket's upper bound can exceed the largest value actually seen.
                return Duration.ofNanos(Math.min(upperBoundOf(i), maxNanos));
            }
        }
        return Duration.ofNanos(maxNanos);
    }
}
