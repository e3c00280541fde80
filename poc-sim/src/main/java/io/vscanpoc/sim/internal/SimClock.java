package io.vscanpoc.sim.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The simulator's time: vscan nanoseconds since start, derived from a monotonic real clock divided
 * by the time scale (real = vscan x factor, docs/time-scale.md). Every limit, analysis and
 * timestamp runs on it; only sleeps convert back to real time.
 */
public final class SimClock {

    private final LongSupplier realNanos;
    private final long realOrigin;
    private final Instant wallOrigin;
    private final double factor;

    /** A clock on {@link System#nanoTime()}. */
    public SimClock(double factor) {
        this(factor, System::nanoTime, Instant.now());
    }

    /** A clock on any monotonic nanosecond source, for tests. */
    public SimClock(double factor, LongSupplier realNanos, Instant wallOrigin) {
        this.factor = factor;
        this.realNanos = realNanos;
        this.realOrigin = realNanos.getAsLong();
        this.wallOrigin = wallOrigin;
    }

    /** Vscan nanoseconds since the clock started. */
    public long now() {
        // A double keeps sub-nanosecond ratios exact enough, and the cast saturates instead of wrapping.
        return (long) ((realNanos.getAsLong() - realOrigin) / factor);
    }

    /** The vscan-time instant of {@code vscanNanos}: the start's wall time plus that much vscan time. */
    public Instant instant(long vscanNanos) {
        return wallOrigin.plusNanos(vscanNanos);
    }

    /** The real duration of {@code vscanNanos}. */
    public long toRealNanos(long vscanNanos) {
        return Math.round(vscanNanos * factor);
    }

    /** Sleeps for {@code vscanNanos} of vscan time, on the calling (virtual) thread. */
    public void sleep(long vscanNanos) throws InterruptedException {
        long real = toRealNanos(vscanNanos);
        if (real > 0) {
            Thread.sleep(Duration.ofNanos(real));
        }
    }
}
