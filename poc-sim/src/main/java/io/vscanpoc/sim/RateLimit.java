package io.vscanpoc.sim;

/**
 * A token bucket shared by every client: it holds at most {@code burst} tokens, refills at
 * {@code ratePerSecond} tokens per vscan second, and each admitted API request takes one. Over any
 * window of t vscan seconds that starts with a full bucket it admits at most
 * {@code burst + ratePerSecond x t} requests.
 *
 * @param ratePerSecond sustained requests per vscan second, greater than 0
 * @param burst bucket size: requests admitted at once after a quiet spell, at least 1
 */
public record RateLimit(double ratePerSecond, int burst) {

    public RateLimit {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate limit must be a positive number of requests per second, got "
                    + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
    }
}
