package io.vscanpoc.report.stats;

/**
 * A 95% interval around an estimate.
 *
 * @param low lower bound
 * @param high upper bound, at least {@code low}
 */
public record Interval(double low, double high) {

    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
            throw new IllegalArgumentException("invalid interval [" + low + ", " + high + "]");
        }
    }
}
