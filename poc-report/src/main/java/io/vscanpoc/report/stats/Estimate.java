package io.vscanpoc.report.stats;

/**
 * A median, with a 95% interval when there were enough samples for one.
 *
 * @param median the point estimate, always finite
 * @param interval the 95% percentile-bootstrap interval; null when there were fewer than
 *     {@link MedianEstimator#MIN_SAMPLES_FOR_INTERVAL} samples
 * @param samples how many measurements it rests on (for a ratio, the smaller side)
 */
public record Estimate(double median, Interval interval, int samples) {

    public Estimate {
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("median must be finite, got " + median);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("an estimate rests on at least one sample");
        }
    }

    /** True when an interval exists. */
    public boolean hasInterval() {
        return interval != null;
    }
}
