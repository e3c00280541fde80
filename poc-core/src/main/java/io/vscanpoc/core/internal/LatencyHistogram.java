package io.vscanpoc.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A lock-free histogram of durations in nanoseconds with log-linear buckets. Not API.
 *
 * <p>Values below 128 ns each get a bucket of their own and are exact. Above, every power of two
 * {@code [2^e, 2^(e+1))} is split into {@value #SUB_BUCKETS} equal buckets of width {@code 2^(e-6)}. A percentile is reported as the middle of the bucket holding the sample of that
 * rank (nearest-rank definition), clamped to the exact maximum (and the 100th percentile is the
 * maximum), so its relative error is at most
 * half a bucket width over the bucket's lower bound: {@code 2^-7}, under 0.79%. {@link #max()} and
 * {@link #count()} are exact. The whole table is {@code 58 x 64} longs (about 30 KB) and covers every
 * non-negative {@code long}.
 *
 * <p>Thread-safety: {@link #record} is lock-free (one atomic add on a bucket, one accumulate on the
 * maximum) and may be called from any number of threads. A read while writers are active sees each
 * bucket at some moment but not all buckets at the same moment; reads after the writers have
 * finished (and happened-before the read) are exact.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 6;
    /** Buckets per power of two. */
    public static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

    // A non-negative long is below 2^63, so its exponent is at most 62: 57 octaves of width 2^0 to
    // 2^56 above the first exact block.
    private static final int BUCKETS = (Long.SIZE - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /** Records one duration; negative values count as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.getAndIncrement(indexOf(value));
        max.accumulate(value);
    }

    /** Samples recorded. */
    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The largest sample, exact; zero when empty. */
    public long max() {
        return max.get();
    }

    /**
     * The value at {@code quantile} ({@code 0 < q <= 1}) by nearest rank: the smallest recorded value such
     * that at least {@code ceil(q x count)} samples are at or below it, within the stated error.
     * Zero when empty.
     */
    public long valueAt(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        if (rank >= total) {
            return max();
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += copy[i];
            if (seen >= rank) {
                return Math.min(middleOf(i), max());
            }
        }
        return max();
    }

    /** {@link #valueAt} as a duration. */
    public Duration durationAt(double quantile) {
        return Duration.ofNanos(valueAt(quantile));
    }

    /** Index of the bucket holding {@code value} (non-negative). */
    static int indexOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BUCKET_BITS
        int shift = exponent - SUB_BUCKET_BITS;
        int sub = (int) (value >>> shift) & (SUB_BUCKETS - 1);
        return (shift + 1) * SUB_BUCKETS + sub;
    }

    /** Smallest value of bucket {@code index}. */
    static long lowerBoundOf(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index % SUB_BUCKETS;
        return (SUB_BUCKETS + sub) << shift;
    }

    /** Number of values bucket {@code index} holds. */
    static long widthOf(int index) {
        return index < SUB_BUCKETS ? 1 : 1L << (index / SUB_BUCKETS - 1);
    }

    private static long middleOf(int index) {
        return lowerBoundOf(index) + (widthOf(index) - 1) / 2;
    }
}
