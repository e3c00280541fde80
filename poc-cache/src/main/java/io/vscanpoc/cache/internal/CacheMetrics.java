package io.vscanpoc.cache.internal;

import io.vscanpoc.cache.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link CacheStats}; updated lock-free by every thread. Not API. */
public final class CacheMetrics {

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder staleMisses = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder locked = new LongAdder();
    final LongAdder writeTransactions = new LongAdder();
    final LongAdder checkpoints = new LongAdder();
    final LongAdder checkpointsBlocked = new LongAdder();
    private final LatencyRecorder getLatency = new LatencyRecorder();
    private final LatencyRecorder putLatency = new LatencyRecorder();

    public void hit(long nanos) {
        hits.increment();
        getLatency.record(nanos);
    }

    public void miss(long nanos, boolean stale) {
        misses.increment();
        if (stale) {
            staleMisses.increment();
        }
        getLatency.record(nanos);
    }

    public void put(long nanos) {
        puts.increment();
        putLatency.record(nanos);
    }

    public void error() {
        errors.increment();
    }

    /** One {@code SQLITE_BUSY} or {@code SQLITE_LOCKED} result seen, whatever happens next. */
    public void contention(SqliteErrorKind kind) {
        switch (kind) {
            case BUSY -> busy.increment();
            case LOCKED -> locked.increment();
            default -> throw new IllegalArgumentException("not contention: " + kind);
        }
    }

    public void writeTransaction() {
        writeTransactions.increment();
    }

    public void checkpoint(boolean blocked) {
        checkpoints.increment();
        if (blocked) {
            checkpointsBlocked.increment();
        }
    }

    public CacheStats snapshot() {
        long h = hits.sum();
        long m = misses.sum();
        return new CacheStats(
                h + m,
                h,
                m,
                staleMisses.sum(),
                puts.sum(),
                errors.sum(),
                busy.sum(),
                locked.sum(),
                writeTransactions.sum(),
                checkpoints.sum(),
                checkpointsBlocked.sum(),
                getLatency.snapshot(),
                putLatency.snapshot());
    }
}
