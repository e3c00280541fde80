package io.vscanpoc.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A distribution of durations in vscan time (the time of the real service; the simulator's time
 * scale turns it into real time). Used for request latency and for on-demand analysis time.
 */
public sealed interface DurationDistribution {

    /** No delay at all. */
    DurationDistribution ZERO = new Fixed(Duration.ZERO);

    /** Always {@code value}. */
    static DurationDistribution fixed(Duration value) {
        return new Fixed(value);
    }

    /** Uniform between {@code min} and {@code max}, both included. */
    static DurationDistribution uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /**
     * Log-normal: {@code median x e^(sigma x Z)} with Z standard normal, so half the draws are below
     * {@code median} and about 90% lie within {@code median x e^(+-1.645 sigma)}. Draws are clamped
     * at 4 sigma so one draw never stalls a run.
     */
    static DurationDistribution logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    /** A fixed duration. */
    record Fixed(Duration value) implements DurationDistribution {
        public Fixed {
            requireNonNegative(value, "value");
        }
    }

    /** A uniform range. */
    record Uniform(Duration min, Duration max) implements DurationDistribution {
        public Uniform {
            requireNonNegative(min, "min");
            requireNonNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("uniform max " + max + " is below min " + min);
            }
        }
    }

    /** A log-normal distribution given by its median and the standard deviation of its log. */
    record LogNormal(Duration median, double sigma) implements DurationDistribution {
        public LogNormal {
            requireNonNegative(median, "median");
            if (!(sigma >= 0) || sigma > 3) {
                throw new IllegalArgumentException("log-normal sigma must be between 0 and 3, got " + sigma);
            }
        }
    }

    private static void requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
    }
}
