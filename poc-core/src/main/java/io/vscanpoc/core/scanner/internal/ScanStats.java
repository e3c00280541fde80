package io.vscanpoc.core.scanner.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.StatsSnapshot;
import io.vscanpoc.core.internal.LatencyHistogram;
import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of one scan, updated lock-free by every worker. Not API.
 *
 * <p>Each outcome is counted by exactly one {@link #record} call, so once the workers have ended the
 * counters equal what the outcomes add up to. A {@link #snapshot} taken while workers still run
 * reads each counter at a slightly different moment.
 */
public final class ScanStats {

    private static final ErrorCategory[] CATEGORIES = ErrorCategory.values();

    private final LongAdder successes = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder[] failures = new LongAdder[CATEGORIES.length];
    // A gauge, not an adder: the peak needs the exact value each increment produced.
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAccumulator peak = new LongAccumulator(Math::max, 0);
    private final LatencyHistogram latency = new LatencyHistogram();

    public ScanStats() {
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    /** A task is about to run. */
    public void taskStarted() {
        peak.accumulate(inFlight.incrementAndGet());
    }

    /** A task that {@link #taskStarted} has returned or thrown. */
    public void taskEnded() {
        inFlight.decrementAndGet();
    }

    /** Counts one final outcome; called exactly once per input. */
    public void record(ScanOutcome<?, ?> outcome) {
        switch (outcome) {
            case ScanOutcome.Success<?, ?> success -> {
                successes.increment();
                if (success.fromCache()) {
                    cacheHits.increment();
                }
                latency.record(success.duration().toNanos());
            }
            case ScanOutcome.Failure<?, ?> failure -> {
                failures[failure.category().ordinal()].increment();
                if (failure.started()) {
                    latency.record(failure.duration().toNanos());
                }
            }
        }
    }

    /** The counters now. */
    public StatsSnapshot snapshot() {
        var byCategory = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        for (var category : CATEGORIES) {
            byCategory.put(category, failures[category.ordinal()].sum());
        }
        long count = latency.count();
        var latencies = count == 0
                ? StatsSnapshot.Latency.NONE
                : new StatsSnapshot.Latency(
                        count,
                        latency.durationAt(0.50),
                        latency.durationAt(0.90),
                        latency.durationAt(0.99),
                        Duration.ofNanos(latency.max()));
        return new StatsSnapshot(
                successes.sum(), byCategory, cacheHits.sum(), inFlight.get(), peak.get(), latencies);
    }
}
