package io.vscanpoc.core.time;

import java.time.Duration;

/**
 * Waits. Injected wherever the library waits (pacing, polling, backoff) so tests can count and skip
 * waits instead of sleeping, and so waits can be time-scaled.
 *
 * <p>Obligations of an implementation: thread-safe; throws {@link InterruptedException} promptly
 * when the waiting thread is interrupted; on virtual threads it must not pin the carrier
 * ({@link Thread#sleep(Duration)} does not).
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = duration -> {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    };

    /** Waits {@code duration} (real time, already scaled); returns at once when it is not positive. */
    void sleep(Duration duration) throws InterruptedException;
}
