package io.vscanpoc.report.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Medians and their 95% intervals by the percentile bootstrap.
 *
 * <p>Why the bootstrap rather than a t-interval: the PoC reports medians, run times are skewed (a
 * slow outlier is common), and a t-interval describes a mean under normality. The resampling uses
 * a fixed seed, so the same data always gives the same interval and reports are reproducible.
 * With only three samples the interval is necessarily wide (close to their range); that is the
 * honest answer, not a defect.
 */
public final class MedianEstimator {

    /** Fewer samples than this give a median without an interval. */
    public static final int MIN_SAMPLES_FOR_INTERVAL = 3;

    /** Bootstrap resamples per interval. */
    public static final int RESAMPLES = 2_000;

    /** The fixed seed of every resampling. */
    public static final long SEED = 0x5CA9_2025L;

    private MedianEstimator() {}

    /** The median of {@code values}: the middle one, or the mean of the middle two. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The median of {@code values}, with a 95% interval when there are at least
     * {@link #MIN_SAMPLES_FOR_INTERVAL} of them.
     *
     * @param values finite, at least one
     */
    public static Estimate estimate(List<Double> values) {
        double[] samples = finite(values);
        double median = median(samples);
        if (samples.length < MIN_SAMPLES_FOR_INTERVAL) {
            return new Estimate(median, null, samples.length);
        }
        var random = new SplittableRandom(SEED);
        double[] medians = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            medians[i] = median(resample(samples, random));
        }
        return new Estimate(median, percentileInterval(medians, RESAMPLES), samples.length);
    }

    /**
     * The ratio of the medians, {@code median(numerators) / median(denominators)}, with a 95%
     * interval when both sides have at least {@link #MIN_SAMPLES_FOR_INTERVAL} values (each side
     * resampled independently). Empty when the denominators' median is zero, so no ratio exists.
     *
     * @param numerators finite, at least one
     * @param denominators finite, at least one
     */
    public static Optional<Estimate> ratio(List<Double> numerators, List<Double> denominators) {
        double[] top = finite(numerators);
        double[] bottom = finite(denominators);
        double denominator = median(bottom);
        if (denominator == 0) {
            return Optional.empty();
        }
        double ratio = median(top) / denominator;
        if (!Double.isFinite(ratio)) {
            return Optional.empty();
        }
        int samples = Math.min(top.length, bottom.length);
        if (samples < MIN_SAMPLES_FOR_INTERVAL) {
            return Optional.of(new Estimate(ratio, null, samples));
        }
        var random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        int valid = 0;
        for (int i = 0; i < RESAMPLES; i++) {
            double numerator = median(resample(top, random));
            double resampled = median(resample(bottom, random));
            if (resampled != 0) {
                ratios[valid++] = numerator / resampled;
            }
        }
        // A denominator that is zero in many resamples leaves no interval worth the name.
        Interval interval = valid * 2 >= RESAMPLES ? percentileInterval(ratios, valid) : null;
        return Optional.of(new Estimate(ratio, interval, samples));
    }

    private static double[] finite(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] samples = new double[values.size()];
        for (int i = 0; i < samples.length; i++) {
            double value = values.get(i);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite, got " + value);
            }
            samples[i] = value;
        }
        return samples;
    }

    private static double[] resample(double[] samples, SplittableRandom random) {
        double[] drawn = new double[samples.length];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = samples[random.nextInt(samples.length)];
        }
        return drawn;
    }

    private static Interval percentileInterval(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int low = (int) Math.floor(0.025 * (count - 1));
        int high = (int) Math.ceil(0.975 * (count - 1));
        return new Interval(sorted[low], sorted[high]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
