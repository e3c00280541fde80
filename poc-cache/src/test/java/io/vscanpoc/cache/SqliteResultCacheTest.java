package io.vscanpoc.cache;

import static io.vscanpoc.cache.TestReports.report;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.error.CacheException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteResultCacheTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private SqliteResultCache cache;

    @BeforeEach
    void open() throws CacheException {
        cache = SqliteResultCache.open(config().build());
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private CacheConfig.Builder config() {
        return CacheConfig.builder().directory(dir).clock(clock);
    }

    @Test
    void aPutIsReadBackVerbatimAndSurvivesReopening() throws Exception {
        AnalysisResult stored = report("ms-python.python", 7);
        assertTrue(cache.get(stored.id()).isEmpty());
        cache.put(stored);

        assertEquals(stored, cache.get(stored.id()).orElseThrow());
        cache.close();
        try (var reopened = SqliteResultCache.open(config().build())) {
            assertEquals(stored.rawJson(), reopened.get(stored.id()).orElseThrow().rawJson());
            assertEquals(List.of(), reopened.warnings());
        }
    }

    @Test
    void keysIgnoreCaseButKeepTheStoredSpelling() throws Exception {
        cache.put(report("ritwickdey.LiveServer", 1));

        var lookedUp = cache.get(ExtensionId.parse("RITWICKDEY.liveserver")).orElseThrow();
        assertEquals("RITWICKDEY.liveserver", lookedUp.id().toString(), "the result carries the ID asked for");
        assertEquals(List.of("ritwickdey.LiveServer"), cache.keys().stream().map(ExtensionId::toString).toList());
    }

    @Test
    void aLaterPutReplacesTheEntry() throws Exception {
        cache.put(report("a.b", 1));
        cache.put(report("A.B", 2));

        assertEquals(1, cache.count());
        assertEquals("1.2", cache.get(ExtensionId.parse("a.b")).orElseThrow().version());
    }

    @Test
    void anEntryOlderThanTheMaxAgeIsAMissButStillCounted() throws Exception {
        var id = ExtensionId.parse("a.b");
        cache.put(report("a.b", 1));
        clock.advance(Duration.ofDays(7));
        assertTrue(cache.get(id).isPresent(), "exactly the max age is still fresh");
        assertTrue(cache.contains(id));

        clock.advance(Duration.ofMillis(1));
        assertTrue(cache.get(id).isEmpty());
        assertFalse(cache.contains(id));
        assertEquals(1, cache.count());
        var stats = cache.stats();
        assertEquals(1, stats.staleMisses());
        assertEquals(1, stats.misses());
        assertEquals(1, stats.hits());
    }

    @Test
    void statsCountEveryOperation() throws Exception {
        cache.get(ExtensionId.parse("a.b"));
        cache.put(report("a.b", 1));
        cache.put(report("c.d", 2));
        cache.get(ExtensionId.parse("a.b"));
        cache.get(ExtensionId.parse("c.d"));

        var stats = cache.stats();
        assertEquals(3, stats.gets());
        assertEquals(2, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(2, stats.puts());
        assertEquals(0, stats.errors());
        assertEquals(0, stats.sqliteBusyErrors());
        assertEquals(3, stats.getLatency().count());
        assertEquals(2, stats.putLatency().count());
        assertTrue(stats.putLatency().max().compareTo(stats.putLatency().p50()) >= 0);
    }

    @Test
    void clearRemovesEverything() throws Exception {
        IntStream.range(0, 5).forEach(i -> assertDoesNotThrow(() -> cache.put(report("p.e" + i, i))));
        assertEquals(5, cache.count());
        cache.clear();
        assertEquals(0, cache.count());
        assertTrue(cache.get(ExtensionId.parse("p.e1")).isEmpty());
    }

    @Test
    void retainRandomKeepsExactlyKDeterministicallyForASeed() throws Exception {
        List<ExtensionId> ids = fill(30);
        cache.put(report("not.listed", 1));

        List<ExtensionId> kept = cache.retainRandom(ids, 15, 42);

        assertEquals(15, kept.size());
        assertEquals(15, cache.count(), "every other entry, listed or not, is gone");
        assertEquals(new HashSet<>(kept), new HashSet<>(cache.keys()));
        for (ExtensionId id : ids) {
            assertEquals(kept.contains(id), cache.get(id).isPresent());
        }
        // Same seed, same candidates in another order: the same choice.
        cache.clear();
        fill(30);
        var reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(new HashSet<>(kept), new HashSet<>(cache.retainRandom(reversed, 15, 42)));
        // Another seed chooses differently (for these 30, seeds 42 and 43 differ).
        cache.clear();
        fill(30);
        assertNotEquals(new HashSet<>(kept), new HashSet<>(cache.retainRandom(ids, 15, 43)));
    }

    @Test
    void retainRandomChoosesOnlyAmongFreshEntries() throws Exception {
        List<ExtensionId> ids = fill(4);
        clock.advance(Duration.ofDays(8));
        cache.put(report(ids.get(0).toString(), 9));

        assertEquals(List.of(ids.get(0)), cache.retainRandom(ids, 3, 1), "only one fresh candidate");
        assertEquals(1, cache.count());
        assertThrows(IllegalArgumentException.class, () -> cache.retainRandom(ids, -1, 1));
    }

    @Test
    void integrityCheckPassesOnSoundDataAndNamesEachTamperedRow() throws Exception {
        fill(10);
        IntegrityReport sound = cache.integrityCheck();
        assertTrue(sound.ok(), sound.summary());
        assertEquals("ok", sound.sqliteResult());
        assertEquals(10, sound.rowsChecked());

        tamper("UPDATE scan_results SET security_score = 99 WHERE extension_id = 'pub.ext1'");
        tamper("UPDATE scan_results SET scan_result = replace(scan_result, '\"1.2\"', '\"9.9\"') "
                + "WHERE extension_id = 'pub.ext2'");
        tamper("UPDATE scan_results SET scan_result = '{not json', checksum = '" + "0".repeat(64)
                + "' WHERE extension_id = 'pub.ext3'");
        tamper("UPDATE scan_results SET risk_level = 'critical', version = 'x', vulnerabilities_count = 100 "
                + "WHERE extension_id = 'pub.ext4'");

        IntegrityReport damaged = cache.integrityCheck();
        assertFalse(damaged.ok());
        assertEquals("ok", damaged.sqliteResult(), "the file itself is sound");
        assertEquals(10, damaged.rowsChecked());
        var problems = String.join("\n", damaged.problems());
        assertTrue(problems.contains("row pub.ext1: security_score is 99 but the JSON says"), problems);
        assertTrue(problems.contains("row pub.ext2: checksum does not match"), problems);
        assertTrue(problems.contains("row pub.ext2: version is 1.2 but the JSON says 9.9"), problems);
        assertTrue(problems.contains("row pub.ext3: checksum does not match"), problems);
        assertTrue(problems.contains("row pub.ext3: scan_result does not parse"), problems);
        assertTrue(problems.contains("row pub.ext4: risk_level is critical but the JSON says low"), problems);
        assertTrue(problems.contains("row pub.ext4: version is x"), problems);
        assertTrue(problems.contains("row pub.ext4: vulnerabilities_count is 100"), problems);
        assertEquals(8, damaged.problems().size(), problems);

        var e = assertThrows(CacheException.class, () -> cache.get(ExtensionId.parse("pub.ext2")));
        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
        assertEquals(1, cache.stats().errors());
    }

    @Test
    void inventoryDescribesTheFile() throws Exception {
        fill(8);
        clock.advance(Duration.ofDays(10));
        cache.put(report("late.one", 3));

        CacheInventory inventory = cache.inventory();
        assertEquals(9, inventory.entries());
        assertEquals(1, inventory.freshEntries());
        assertEquals(8, inventory.staleEntries());
        assertEquals(1, inventory.schemaVersion());
        assertEquals("wal", inventory.journalMode());
        assertEquals(clock.instant(), inventory.newest().orElseThrow());
        assertEquals(clock.instant().minus(Duration.ofDays(10)), inventory.oldest().orElseThrow());
        assertEquals(9, inventory.byRiskLevel().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(2, inventory.byRiskLevel().get(RiskLevel.LOW), "seqs 0 and 4 are low");
        assertTrue(inventory.databaseBytes() > 0);
    }

    @Test
    void closingTwiceIsHarmlessAndLaterCallsFailClearly() throws Exception {
        cache.put(report("a.b", 1));
        cache.close();
        cache.close();

        var e = assertThrows(CacheException.class, () -> cache.get(ExtensionId.parse("a.b")));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(CacheException.class, () -> cache.put(report("a.b", 2)));
        assertThrows(CacheException.class, () -> cache.count());
        assertEquals(1, cache.stats().puts(), "stats stay readable");
    }

    @Test
    void aFailingWriteIsReportedAndTheOthersInItsBatchStillCommit() throws Exception {
        // A trigger makes exactly one extension's writes fail inside SQLite.
        tamper("CREATE TRIGGER refuse BEFORE INSERT ON scan_results WHEN NEW.extension_id = 'bad.one' "
                + "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                String id = i == 20 ? "bad.one" : "good.e" + i;
                long seq = i;
                executor.submit(() -> {
                    try {
                        cache.put(report(id, seq));
                    } catch (CacheException e) {
                        assertTrue(e.getMessage().contains("refused by test"), e.getMessage());
                        failures.incrementAndGet();
                    }
                });
            }
        }
        assertEquals(1, failures.get());
        assertEquals(39, cache.count());
        assertEquals(1, cache.stats().errors());
        assertEquals(39, cache.stats().puts());
    }

    @Test
    void withABatchDelayConcurrentPutsShareATransaction() throws Exception {
        cache.close();
        cache = SqliteResultCache.open(config().batchDelay(Duration.ofMillis(300)).build());
        long before = cache.stats().writeTransactions();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                long seq = i;
                executor.submit(() -> {
                    start.await();
                    cache.put(report("batch.e" + seq, seq));
                    return null;
                });
            }
            start.countDown();
        }
        assertEquals(16, cache.count());
        long transactions = cache.stats().writeTransactions() - before;
        assertTrue(transactions <= 4, "16 puts released together took " + transactions + " transactions");
    }

    private List<ExtensionId> fill(int n) throws CacheException {
        var ids = new ArrayList<ExtensionId>();
        for (int i = 0; i < n; i++) {
            var result = report("pub.ext" + i, i);
            ids.add(result.id());
            cache.put(result);
        }
        return ids;
    }

    private void tamper(String sql) throws SQLException {
        try (var connection = cache.pooledConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
