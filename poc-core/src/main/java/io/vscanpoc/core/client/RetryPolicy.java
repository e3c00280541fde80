package io.vscanpoc.core.client;

import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.VscanException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * When a failed request is sent again, and after how long.
 *
 * <p>A failure is retried only when {@link VscanException#retryable()} says it may pass (429, 502,
 * 503, 504, request timeouts and network errors; never 400, 401, 403, 404 or 500, which the same
 * request would hit again) and fewer than {@link #maxRetries()} retries were made for that request.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code baseDelay x 2^(n-1)}, multiplied by a
 * jitter factor drawn uniformly from {@code [1 - jitter, 1 + jitter]} so that workers failing
 * together do not come back together, then capped at {@link #maxDelay()}. A 429 that carries
 * {@code Retry-After} waits exactly what the server asked instead (the server knows its window
 * better than any backoff), capped at {@link #maxDelay()} too, so one header cannot park a worker
 * for an hour. Durations are in vscan time; the client multiplies them by its time scale.
 *
 * <p>Thread-safe: the random source is drawn under a lock (a {@link ReentrantLock}, which does not
 * pin virtual threads), so any {@link RandomGenerator}, seeded or not, may be given.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Duration baseDelay;
    private final double jitter;
    private final Duration maxDelay;
    private final RandomGenerator random;
    private final ReentrantLock randomLock = new ReentrantLock();

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.baseDelay = builder.baseDelay;
        this.jitter = builder.jitter;
        this.maxDelay = builder.maxDelay;
        this.random = builder.random != null ? builder.random : RandomGenerator.getDefault();
    }

    /** 3 retries, 2 s base, ±20% jitter, 30 s cap: what the earlier client used against vscan.dev. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Never retries: every failure is final at its first attempt. */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Retries allowed per request after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before the first retry, before jitter. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The relative jitter, 0.2 meaning ±20%. */
    public double jitter() {
        return jitter;
    }

    /** The longest wait before any retry, Retry-After included. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Whether a request that failed with {@code failure}, after {@code retriesSoFar} retries, is sent again. */
    public boolean shouldRetry(VscanException failure, int retriesSoFar) {
        return failure.retryable() && retriesSoFar < maxRetries;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first) after {@code failure}: the
     * server's {@code Retry-After} when the failure is a 429 carrying one, the jittered backoff
     * otherwise; never more than {@link #maxDelay()}.
     */
    public Duration delayBefore(int retry, VscanException failure) {
        if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return min(limited.retryAfter().get(), maxDelay);
        }
        return backoff(retry);
    }

    /** The jittered exponential backoff before retry number {@code retry} (1 for the first), capped. */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        double nominal = baseDelay.toNanos() * Math.pow(2, Math.min(retry - 1, 62));
        double factor = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * nextDouble() - 1);
        double nanos = Math.min(nominal * factor, maxDelay.toNanos());
        return Duration.ofNanos(Math.round(nanos));
    }

    private double nextDouble() {
        randomLock.lock();
        try {
            return random.nextDouble();
        } finally {
            randomLock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", jitter=" + jitter
                + ", maxDelay=" + maxDelay + "]";
    }

    /** Builds a {@link RetryPolicy}; every setting starts at its default. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration baseDelay = Duration.ofSeconds(2);
        private double jitter = 0.2;
        private Duration maxDelay = Duration.ofSeconds(30);
        private RandomGenerator random;

        private Builder() {}

        /**
         * Retries per request after the first attempt. Default 3: enough to ride out a short
         * overload or a restarting proxy, few enough that a dead service fails a scan in well under
         * a minute.
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The backoff before the first retry, doubled for each further one. Default 2 s. */
        public Builder baseDelay(Duration baseDelay) {
            if (!Objects.requireNonNull(baseDelay, "baseDelay").isPositive()) {
                throw new IllegalArgumentException("baseDelay must be positive, got " + baseDelay);
            }
            this.baseDelay = baseDelay;
            return this;
        }

        /**
         * Relative jitter, 0 to 1. Default 0.2 (±20%): spreads workers that failed at the same moment
         * without making a wait unpredictable.
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The cap on any wait before a retry, Retry-After included. Default 30 s: longer than any
         * window observed to matter, short enough that a worker is not parked for long.
         */
        public Builder maxDelay(Duration maxDelay) {
            if (!Objects.requireNonNull(maxDelay, "maxDelay").isPositive()) {
                throw new IllegalArgumentException("maxDelay must be positive, got " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * The jitter's random source. Default: {@link RandomGenerator#getDefault()}, unseeded. Give a
         * seeded generator to make a run's waits reproducible.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Shorthand for a seeded {@code L64X128MixRandom}, for reproducible waits. */
        public Builder seed(long seed) {
            return random(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
