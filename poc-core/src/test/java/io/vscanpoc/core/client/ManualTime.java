package io.vscanpoc.core.client;

import io.vscanpoc.core.time.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when someone sleeps on it: a sleep records its duration and advances the
 * clock at once, so tests see every wait the client makes without waiting. Thread-safe.
 */
final class ManualTime implements InstantSource, Sleeper {

    private final long originSeconds;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    ManualTime(Instant origin) {
        this.originSeconds = origin.getEpochSecond();
        this.nanos.set(origin.getNano());
    }

    ManualTime() {
        this(Instant.parse("2025-10-01T12:00:00Z"));
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(originSeconds, nanos.get());
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        if (duration.isPositive()) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    /** Every sleep so far, in order. */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of all sleeps. */
    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
