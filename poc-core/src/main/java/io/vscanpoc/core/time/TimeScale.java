package io.vscanpoc.core.time;

import java.time.Duration;

/**
 * Multiplies every wait by one factor, so a run against the time-compressed simulator keeps the
 * real world's ratios between latency, pacing, polling and backoff.
 *
 * <p>Durations in configuration and in {@code Retry-After} are in <em>vscan time</em>, the time of
 * the real service. The real wait is {@code vscan duration x factor}: with a factor of 0.05 a
 * 1.5 s pacing delay is 75 ms, and a simulator limit of R requests per vscan-second admits R/0.05
 * per real second. The simulator and the client must be given the same factor. The factor is 1
 * against the real vscan.dev. See docs/time-scale.md.
 *
 * @param factor real seconds per vscan second, greater than 0
 */
public record TimeScale(double factor) {

    /** Real time: against vscan.dev. */
    public static final TimeScale REAL = new TimeScale(1.0);

    public TimeScale {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + factor);
        }
    }

    /** The real duration of {@code vscanTime}. */
    public Duration toReal(Duration vscanTime) {
        if (factor == 1.0) {
            return vscanTime;
        }
        return Duration.ofNanos(Math.round(vscanTime.toNanos() * factor));
    }

    /** The vscan duration of {@code realTime}, for reporting real measurements in vscan time. */
    public Duration toVscan(Duration realTime) {
        if (factor == 1.0) {
            return realTime;
        }
        return Duration.ofNanos(Math.round(realTime.toNanos() / factor));
    }
}
