package io.vscanpoc.core.client.internal;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The wall clock at creation, advanced by {@link System#nanoTime()}: reads like the system clock but
 * never steps, so an NTP correction cannot shorten a pacing delay or stretch a deadline.
 */
public final class MonotonicClock implements InstantSource {

    private final Instant origin;
    private final long originNanos;

    private MonotonicClock(Instant origin, long originNanos) {
        this.origin = origin;
        this.originNanos = originNanos;
    }

    /** A clock anchored to the system clock now. */
    public static MonotonicClock system() {
        return new MonotonicClock(Instant.now(), System.nanoTime());
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    /** Nanoseconds since the epoch of {@code instant}; exact until the year 2262. */
    public static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
