package io.vscanpoc.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteErrorKindAndRetryTest {

    private final CacheMetrics metrics = new CacheMetrics();
    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    void extendedCodesAreClassifiedByTheirPrimaryCode() {
        assertEquals(SqliteErrorKind.BUSY, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_BUSY)));
        assertEquals(SqliteErrorKind.BUSY, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)));
        assertEquals(SqliteErrorKind.BUSY, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_BUSY_RECOVERY)));
        assertEquals(SqliteErrorKind.LOCKED, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_LOCKED)));
        assertEquals(SqliteErrorKind.LOCKED, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE)));
        assertEquals(SqliteErrorKind.CORRUPT, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_NOTADB)));
        assertEquals(SqliteErrorKind.CORRUPT, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_CORRUPT)));
        assertEquals(SqliteErrorKind.OTHER, SqliteErrorKind.of(failure(SQLiteErrorCode.SQLITE_READONLY)));
        assertEquals(SqliteErrorKind.OTHER, SqliteErrorKind.of(new SQLException("timeout")));
        assertEquals(SqliteErrorKind.BUSY,
                SqliteErrorKind.of(new SQLException("wrapped", failure(SQLiteErrorCode.SQLITE_BUSY))));
    }

    @Test
    void retriedContentionIsCountedOncePerOccurrenceAndTheResultReturned() throws Exception {
        var retry = new BusyRetry(Duration.ofSeconds(10), sleeps::add, metrics);
        var attempts = new AtomicInteger();
        String result = retry.run(() -> switch (attempts.incrementAndGet()) {
            case 1, 2 -> throw failure(SQLiteErrorCode.SQLITE_LOCKED);
            case 3 -> throw failure(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
            default -> "done";
        });
        assertEquals("done", result);
        var stats = metrics.snapshot();
        assertEquals(2, stats.lockedCount());
        assertEquals(1, stats.busyCount());
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4)), sleeps);
    }

    @Test
    void otherFailuresAreNotRetriedAndAnExhaustedBudgetRethrows() {
        var other = failure(SQLiteErrorCode.SQLITE_READONLY);
        var noRetry = new BusyRetry(Duration.ofSeconds(10), sleeps::add, metrics);
        assertSame(other, assertThrows(SQLException.class, () -> noRetry.run(() -> {
            throw other;
        })));
        var busy = failure(SQLiteErrorCode.SQLITE_BUSY);
        var noBudget = new BusyRetry(Duration.ZERO, sleeps::add, metrics);
        assertSame(busy, assertThrows(SQLException.class, () -> noBudget.run(() -> {
            throw busy;
        })));
        assertEquals(1, metrics.snapshot().busyCount());
        assertEquals(List.of(), sleeps);
    }

    private static SQLiteException failure(SQLiteErrorCode code) {
        return new SQLiteException("test " + code, code);
    }
}
