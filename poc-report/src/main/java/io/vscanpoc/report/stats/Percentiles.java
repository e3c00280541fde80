package io.vscanpoc.report.stats;

/** Percentiles by the nearest-rank method, which always returns one of the measured values. */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The nearest-rank {@code percentile} of {@code sorted}: the smallest value with at least
     * {@code percentile}% of the values at or below it.
     *
     * @param sorted values in ascending order, at least one
     * @param percentile in (0, 100]
     */
    public static long nearestRank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
