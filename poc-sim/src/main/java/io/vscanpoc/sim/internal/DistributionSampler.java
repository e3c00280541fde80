package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.DurationDistribution;

/** Turns two uniform draws into a duration drawn from a {@link DurationDistribution}. */
public final class DistributionSampler {

    /** Log-normal draws are clamped at this many standard deviations. */
    static final double MAX_Z = 4.0;

    private DistributionSampler() {}

    /**
     * A draw in nanoseconds.
     *
     * @param u a uniform draw in [0, 1)
     * @param v a second, independent uniform draw in [0, 1), used by the log-normal only
     */
    public static long sampleNanos(DurationDistribution distribution, double u, double v) {
        return switch (distribution) {
            case DurationDistribution.Fixed fixed -> fixed.value().toNanos();
            case DurationDistribution.Uniform uniform -> {
                long min = uniform.min().toNanos();
                long span = uniform.max().toNanos() - min;
                yield min + Math.round(span * u);
            }
            case DurationDistribution.LogNormal logNormal -> {
                // Box-Muller; 1 - u is in (0, 1], so the logarithm is finite.
                double z = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
                z = Math.max(-MAX_Z, Math.min(MAX_Z, z));
                yield Math.round(logNormal.median().toNanos() * Math.exp(logNormal.sigma() * z));
            }
        };
    }
}
