package io.vscanpoc.cache.internal;

import io.vscanpoc.core.time.Sleeper;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs database work again after {@code SQLITE_BUSY} or {@code SQLITE_LOCKED}, counting every such
 * result before deciding anything, so a contention a retry overcame still shows in the stats. The
 * wait between attempts is a Java sleep, which unmounts a virtual thread instead of pinning its
 * carrier the way SQLite's native busy handler does. Not API.
 */
public final class BusyRetry {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(1);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(50);

    private final Duration budget;
    private final Sleeper sleeper;
    private final CacheMetrics metrics;

    public BusyRetry(Duration budget, Sleeper sleeper, CacheMetrics metrics) {
        this.budget = budget;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    /**
     * Runs {@code work} until it succeeds, fails with anything but contention, or the retry budget
     * is spent; then the last failure is thrown.
     */
    public <T> T run(SqlWork<T> work) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return work.run();
            } catch (SQLException e) {
                SqliteErrorKind kind = SqliteErrorKind.of(e);
                if (!kind.isContention()) {
                    throw e;
                }
                metrics.contention(kind);
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(MAX_BACKOFF) > 0) {
                    backoff = MAX_BACKOFF;
                }
            }
        }
    }
}
