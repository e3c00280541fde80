package io.vscanpoc.cache;

import static io.vscanpoc.cache.TestReports.report;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cache.internal.SqlitePool;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.CacheException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another connection, standing in for another process, holds the write lock. */
class BusyAccountingTest {

    @TempDir
    Path dir;

    private CacheConfig.Builder config() {
        return CacheConfig.builder().directory(dir).busyTimeout(Duration.ofMillis(20));
    }

    @Test
    void everyBusyResultIsCountedEvenWhenARetryThenSucceeds() throws Exception {
        try (var cache = SqliteResultCache.open(config().build());
                Connection other = foreignConnection()) {
            cache.put(report("a.b", 1));
            lock(other);

            var put = CompletableFuture.runAsync(() -> {
                try {
                    cache.put(report("c.d", 2));
                } catch (CacheException e) {
                    throw new IllegalStateException(e);
                }
            }, r -> Thread.ofVirtual().start(r));
            await().atMost(Duration.ofSeconds(5)).until(() -> cache.stats().busyCount() >= 2);
            // Readers are not blocked by another writer in WAL mode.
            assertTrue(cache.get(ExtensionId.parse("a.b")).isPresent());
            unlock(other);
            put.get();

            var stats = cache.stats();
            assertTrue(stats.busyCount() >= 2, "busy: " + stats.busyCount());
            assertEquals(stats.busyCount(), stats.sqliteBusyErrors());
            assertEquals(0, stats.errors(), "the retry succeeded");
            assertEquals(2, stats.puts());
            assertTrue(cache.get(ExtensionId.parse("c.d")).isPresent());
        }
    }

    @Test
    void contentionLongerThanTheBudgetFailsTheWriteClearly() throws Exception {
        try (var cache = SqliteResultCache.open(config().busyRetryBudget(Duration.ofMillis(200)).build());
                Connection other = foreignConnection()) {
            lock(other);
            try {
                var e = assertThrows(CacheException.class, () -> cache.put(report("c.d", 2)));
                assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
                assertTrue(e.getMessage().startsWith("cannot write c.d in "), e.getMessage());
            } finally {
                unlock(other);
            }
            var stats = cache.stats();
            assertTrue(stats.busyCount() >= 2, "busy: " + stats.busyCount());
            assertEquals(1, stats.errors());
            assertEquals(0, stats.puts());
            cache.put(report("c.d", 3));
            assertEquals(1, cache.count());
        }
    }

    private Connection foreignConnection() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"),
                SqlitePool.sqliteConfig(config().build()).toProperties());
    }

    private static void lock(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
    }

    private static void unlock(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
    }
}
