package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.time.Sleeper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket shared by all workers: on average at most one request per {@code interval}, with up
 * to {@code burst} at once after an idle spell.
 *
 * <p>Implemented as the generic cell rate algorithm: one atomic "theoretical arrival time" that each
 * request advances by one interval with a compare-and-set, which reserves its slot; the request
 * then sleeps until the slot. Nobody holds a lock while waiting, so it suits virtual threads, and
 * slots are handed out exactly once however many workers race. A reserved slot that is not used
 * (the worker was interrupted) is lost, which only ever errs on the side of fewer requests.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long toleranceNanos;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE / 2);

    /**
     * @param interval the real time one token stands for, positive
     * @param burst the bucket's size, 1 or more
     */
    public TokenBucket(Duration interval, int burst, InstantSource clock, Sleeper sleeper) {
        if (!interval.isPositive() || burst < 1) {
            throw new IllegalArgumentException("interval must be positive and burst 1 or more");
        }
        this.intervalNanos = interval.toNanos();
        this.toleranceNanos = Math.multiplyExact(burst - 1L, intervalNanos);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a token is available and takes it. */
    public void acquire() throws InterruptedException {
        long now = MonotonicClock.nanos(clock.instant());
        long sendAt;
        while (true) {
            long tat = theoreticalArrival.get();
            sendAt = Math.max(now, tat - toleranceNanos);
            long next = Math.max(sendAt, tat) + intervalNanos;
            if (theoreticalArrival.compareAndSet(tat, next)) {
                break;
            }
        }
        if (sendAt > now) {
            sleeper.sleep(Duration.ofNanos(sendAt - now));
        }
    }
}
