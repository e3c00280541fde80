package io.vscanpoc.cache;

import static io.vscanpoc.cache.TestReports.report;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.error.CacheException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

class PragmaAndPoolTest {

    @TempDir
    Path dir;

    @Test
    void everyPooledConnectionCarriesEveryPragma() throws Exception {
        var config = CacheConfig.builder()
                .directory(dir)
                .poolSize(3)
                .busyTimeout(Duration.ofMillis(321))
                .journalSizeLimit(5_000_000)
                .walAutocheckpointPages(777)
                .build();
        List<String> expected = List.of("wal", "1", "321", "1", "5000000", "777");
        try (var cache = SqliteResultCache.open(config)) {
            // The writer holds one of the three; hold the two others at once, so each is distinct.
            var held = new ArrayList<Connection>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(cache.pooledConnection());
                }
                var distinct = new HashSet<Object>();
                for (Connection connection : held) {
                    distinct.add(connection.unwrap(SQLiteConnection.class));
                    assertEquals(expected, pragmas(connection), "synchronous 1 is NORMAL");
                }
                distinct.add(cache.onWriterConnection(connection -> connection.unwrap(SQLiteConnection.class)));
                assertEquals(expected, cache.onWriterConnection(PragmaAndPoolTest::pragmas));
                assertEquals(3, distinct.size(), "two readers' connections and the writer's");
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void thePoolIsSizedFromConfigurationAndReadersWaitInJavaForAFreeConnection() throws Exception {
        var config = CacheConfig.builder()
                .directory(dir)
                .poolSize(2)
                .connectionTimeout(Duration.ofMillis(300))
                .build();
        try (var cache = SqliteResultCache.open(config)) {
            cache.put(report("a.b", 1));
            var first = cache.pooledConnection();
            try {
                // The writer holds the other connection, so the pool is now empty: a read waits
                // (parked) and fails after the timeout.
                var e = assertThrows(CacheException.class, () -> cache.count());
                assertTrue(e.getMessage().contains("cannot count entries"), e.getMessage());
                // A virtual thread that asks now parks in Java (TIMED_WAITING, its carrier free)
                // and gets a connection as soon as one is returned.
                var result = new CompletableFuture<Long>();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        result.complete(cache.count());
                    } catch (CacheException ex) {
                        result.completeExceptionally(ex);
                    }
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.TIMED_WAITING);
                first.close();
                assertEquals(1L, result.get());
            } finally {
                first.close();
            }
        }
    }

    @Test
    void closeReleasesTheFileSoTheWalIsFoldedBackAndRemoved() throws Exception {
        var cache = SqliteResultCache.open(CacheConfig.defaults(dir));
        for (int i = 0; i < 50; i++) {
            cache.put(report("w.e" + i, i));
        }
        Path wal = dir.resolve("cache.db-wal");
        assertTrue(Files.exists(wal));
        cache.close();
        cache.close();
        assertTrue(Files.notExists(wal), "the last connection closed checkpoints and deletes the WAL");
        assertTrue(Files.notExists(dir.resolve("cache.db-shm")));
        assertTrue(cache.stats().checkpoints() >= 1, "close ran a final checkpoint");
    }

    @Test
    void theWalStaysBoundedOverALongRun() throws Exception {
        var config = CacheConfig.builder()
                .directory(dir)
                .checkpointEveryWrites(50)
                .walAutocheckpointPages(100)
                .journalSizeLimit(1_000_000)
                .build();
        try (var cache = SqliteResultCache.open(config)) {
            long maxWal = 0;
            // 2,000 writes of 4 KB are 8 MB of WAL frames without checkpoints.
            for (int i = 0; i < 2_000; i++) {
                cache.put(TestReports.report(io.vscanpoc.core.ExtensionId.parse("w.e" + (i % 300)), i, 4096));
                maxWal = Math.max(maxWal, Files.size(dir.resolve("cache.db-wal")));
            }
            var stats = cache.stats();
            // Requests that arrive while a checkpoint runs are merged into the next one.
            assertTrue(stats.checkpoints() >= 5, "checkpoints: " + stats.checkpoints());
            assertTrue(maxWal < 2_000_000, "the WAL peaked at " + maxWal + " bytes");
        }
    }

    private static List<String> pragmas(Connection connection) throws SQLException {
        var values = new ArrayList<String>();
        for (String name : List.of(
                "journal_mode", "synchronous", "busy_timeout", "foreign_keys", "journal_size_limit", "wal_autocheckpoint")) {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
