package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.RateLimit;

/**
 * The rate limit, in vscan time: {@code burst} tokens at most, refilled continuously at the
 * configured rate; each admitted request takes one. Starts full. Thread-safe.
 */
public final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(RateLimit limit, long now) {
        this.tokensPerNano = limit.ratePerSecond() / 1e9;
        this.capacity = limit.burst();
        this.tokens = capacity;
        this.last = now;
    }

    /**
     * Takes a token if one is there.
     *
     * @param now vscan nanoseconds, never decreasing
     * @return 0 if admitted, else the vscan nanoseconds until a token will be there
     */
    public synchronized long tryAcquire(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Fills the bucket again, as after a long quiet spell. */
    public synchronized void fill(long now) {
        tokens = capacity;
        last = now;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
        }
    }
}
