package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.SimulatorStats;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ground-truth counters, updated lock-free from every request thread. A snapshot taken while
 * requests are being served may catch one counter updated and another not yet; at rest it is exact.
 */
public final class StatsCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder analyze = new LongAdder();
    private final LongAdder status = new LongAdder();
    private final LongAdder results = new LongAdder();
    private final LongAdder http429 = new LongAdder();
    private final LongAdder http5xx = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder analysesStarted = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /**
     * Counts an arriving request and enters it into the in-flight gauge.
     *
     * @param endpoint the endpoint its path names, or null
     * @return requests in flight, this one included
     */
    public int arrive(Endpoint endpoint) {
        requests.increment();
        if (endpoint != null) {
            switch (endpoint) {
                case ANALYZE -> analyze.increment();
                case STATUS -> status.increment();
                case RESULTS -> results.increment();
            }
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return now;
    }

    /** The request has been answered (or abandoned). */
    public void leave() {
        inFlight.decrementAndGet();
    }

    /** Counts a response status just before it is sent. */
    public void responded(int statusCode) {
        if (statusCode == 429) {
            http429.increment();
        } else if (statusCode >= 500 && statusCode <= 599) {
            http5xx.increment();
        }
    }

    public void faultInjected() {
        faults.increment();
    }

    public void analysisStarted() {
        analysesStarted.increment();
    }

    /** The current counts. */
    public SimulatorStats snapshot() {
        return new SimulatorStats(
                requests.sum(),
                new SimulatorStats.EndpointCounts(analyze.sum(), status.sum(), results.sum()),
                http429.sum(),
                http5xx.sum(),
                faults.sum(),
                maxInFlight.get(),
                analysesStarted.sum());
    }

    /** Makes the high-water mark the current in-flight count. */
    public void resetMaxInFlight() {
        maxInFlight.set(inFlight.get());
    }

    /** Zeroes every counter; requests still in flight stay in the gauge. */
    public void reset() {
        for (LongAdder adder : new LongAdder[] {requests, analyze, status, results, http429, http5xx, faults,
                analysesStarted}) {
            adder.reset();
        }
        resetMaxInFlight();
    }
}
