package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorStats;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a {@code reset} clears: counters, the request log, scripted faults, the analyses and
 * the server-side cache, the rate limiter's bucket, and the arrival numbering (so a run after a
 * reset draws the same random faults and latencies as a run on a fresh simulator).
 */
public final class ServerState {

    private final SimClock clock;
    private final StatsCounters counters = new StatsCounters();
    private final RequestJournal journal;
    private final FaultScript script = new FaultScript();
    private final AnalysisRegistry registry;
    private final TokenBucket bucket;
    private final AtomicLong sequence = new AtomicLong();

    public ServerState(SimulatorConfig config, SimClock clock) {
        this.clock = clock;
        this.journal = new RequestJournal(config.requestLogCapacity());
        this.registry = new AnalysisRegistry(config, new ExtensionCatalogue(config));
        this.bucket = config.rateLimit() == null ? null : new TokenBucket(config.rateLimit(), clock.now());
    }

    public SimClock clock() {
        return clock;
    }

    public StatsCounters counters() {
        return counters;
    }

    public RequestJournal journal() {
        return journal;
    }

    public FaultScript script() {
        return script;
    }

    public AnalysisRegistry registry() {
        return registry;
    }

    /** The rate limiter, or null when there is no rate limit. */
    public TokenBucket bucket() {
        return bucket;
    }

    /** The next arrival number, which also indexes the request's random draws. */
    public long nextSequence() {
        return sequence.getAndIncrement();
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    public void reset() {
        script.clear();
        registry.clear();
        journal.clear();
        if (bucket != null) {
            bucket.fill(clock.now());
        }
        sequence.set(0);
        counters.reset();
    }
}
