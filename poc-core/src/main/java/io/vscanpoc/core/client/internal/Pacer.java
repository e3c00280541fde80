package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.time.Sleeper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Politeness: each worker keeps a minimum delay between its own consecutive requests, and all
 * workers together optionally stay under a global rate.
 *
 * <p>A worker is a {@link Lane}, not a thread. The scanner runs one virtual thread per extension, so
 * a delay kept per thread (or per client object) would start afresh with every extension: that was
 * the earlier PoC's bug, and its request rate grew with the worker count. Here the client owns a
 * fixed set of lanes, one per worker; a scan takes a free lane for its whole run and gives it back
 * after, and the lane remembers when it last sent a request, so the delay holds across extensions.
 * With {@code W} lanes and delay {@code d} no more than {@code W} requests start in any window of
 * length {@code d}: the rate is at most {@code W/d}.
 *
 * <p>Free lanes are handed out most-recently-returned first. A run with fewer concurrent scans than
 * lanes therefore keeps reusing the same few lanes instead of rotating through idle ones, which
 * would let it go faster than its own worker count allows.
 *
 * <p>The delay is measured from the start of one request to the start of the next. Waits go through
 * the {@link Sleeper} and the lane queue is a {@link LinkedBlockingDeque} (a
 * {@link java.util.concurrent.locks.ReentrantLock} inside), so nothing pins a virtual thread.
 */
public final class Pacer {

    private final Duration delay;
    private final TokenBucket bucket;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final BlockingDeque<Lane> free;
    /** Set by a 429: no lane sends before this instant (epoch nanos; 0 = no hold, and no overflow). */
    private final AtomicLong heldUntilNanos = new AtomicLong(0);

    /**
     * @param lanes the number of workers
     * @param delay the real minimum time between two requests of one lane; zero for none
     * @param bucket the global rate cap, or null for none
     */
    public Pacer(int lanes, Duration delay, TokenBucket bucket, InstantSource clock, Sleeper sleeper) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be 1 or more");
        }
        this.delay = Objects.requireNonNull(delay, "delay");
        this.bucket = bucket;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.free = new LinkedBlockingDeque<>(lanes);
        for (int i = 0; i < lanes; i++) {
            free.addLast(new Lane(i));
        }
    }

    /** Takes a free lane, waiting for one if every lane is in use. */
    public Lane acquire() throws InterruptedException {
        return free.takeFirst();
    }

    /** Gives {@code lane} back; it must have come from {@link #acquire()} and not been released yet. */
    public void release(Lane lane) {
        free.addFirst(lane);
    }

    /** Number of lanes nobody holds right now. */
    public int freeLanes() {
        return free.size();
    }

    /**
     * Waits until {@code lane} may send its next request (its delay since its last request has
     * passed, and the global cap has a token), then records that it sends now. The caller must send
     * the request right after.
     */
    public void awaitTurn(Lane lane) throws InterruptedException {
        if (lane.lastSentNanos != Lane.NEVER && delay.isPositive()) {
            long wait = lane.lastSentNanos + delay.toNanos() - now();
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
        }
        awaitHold();
        if (bucket != null) {
            bucket.acquire();
        }
        lane.lastSentNanos = now();
    }

    /**
     * Stops every lane for {@code wait} (real time) from now, or longer if a hold is already in
     * force. A 429 means the client as a whole is over the server's limit (the limit is per client,
     * not per request), so when one lane is told to wait, all of them wait; otherwise the other
     * lanes keep sending into the limit and their retries run out.
     */
    public void holdAll(Duration wait) {
        if (!wait.isPositive()) {
            return;
        }
        long until = now() + wait.toNanos();
        heldUntilNanos.accumulateAndGet(until, Math::max);
    }

    private void awaitHold() throws InterruptedException {
        // A loop, because another 429 may extend the hold while this lane sleeps.
        long remaining;
        while ((remaining = heldUntilNanos.get() - now()) > 0) {
            sleeper.sleep(Duration.ofNanos(remaining));
        }
    }

    private long now() {
        return MonotonicClock.nanos(clock.instant());
    }

    /**
     * One worker's pacing state. Held by one scan at a time; handing it over through the lane queue
     * orders one holder's writes before the next holder's reads, so the field needs no lock.
     */
    public static final class Lane {
        static final long NEVER = Long.MIN_VALUE;

        private final int index;
        private long lastSentNanos = NEVER;

        private Lane(int index) {
            this.index = index;
        }

        /** The lane's number, 0-based. */
        public int index() {
            return index;
        }

        @Override
        public String toString() {
            return "Lane[" + index + "]";
        }
    }
}
