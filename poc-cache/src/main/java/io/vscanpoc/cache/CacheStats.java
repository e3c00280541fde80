package io.vscanpoc.cache;

import io.vscanpoc.core.StatsSnapshot;

/**
 * Counters of one open {@link SqliteResultCache} since it was opened. Counters are read one after
 * another while operations may still run, so under load two of them may be a few operations apart;
 * read them after the work has finished for exact figures.
 *
 * @param gets {@code get} calls that returned (hits plus misses)
 * @param hits gets that returned a fresh entry
 * @param misses gets that returned nothing, stale entries included
 * @param staleMisses the misses where an entry was stored but older than the maximum age
 * @param puts {@code put} calls that were committed
 * @param errors operations of any kind that failed with a {@code CacheException}
 * @param busyCount {@code SQLITE_BUSY} results (any extended code) that reached Java, each counted,
 *     also the ones a retry then overcame
 * @param lockedCount {@code SQLITE_LOCKED} results (any extended code), counted the same way
 * @param writeTransactions transactions the writer committed; puts divided by this is the mean batch
 * @param checkpoints {@code wal_checkpoint(TRUNCATE)} runs
 * @param checkpointsBlocked checkpoints that readers or another process kept from finishing; not an
 *     error (the next one catches up) and so not in {@code busyCount}
 * @param getLatency time from calling {@code get} to its return, successful gets only
 * @param putLatency time from calling {@code put} to its commit being acknowledged, successful puts
 *     only
 */
public record CacheStats(
        long gets,
        long hits,
        long misses,
        long staleMisses,
        long puts,
        long errors,
        long busyCount,
        long lockedCount,
        long writeTransactions,
        long checkpoints,
        long checkpointsBlocked,
        StatsSnapshot.Latency getLatency,
        StatsSnapshot.Latency putLatency) {

    /** {@code SQLITE_BUSY} and {@code SQLITE_LOCKED} together: the PoC's second criterion wants 0. */
    public long sqliteBusyErrors() {
        return busyCount + lockedCount;
    }
}
