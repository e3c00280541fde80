package io.vscanpoc.cache;

import io.vscanpoc.core.RiskLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a cache file holds, for {@code vscan-poc cache stats}: unlike {@link CacheStats}, which counts
 * this process's operations, it describes the file.
 *
 * @param file the database file
 * @param schemaVersion the schema version recorded in the file
 * @param journalMode the journal mode SQLite reports ({@code wal})
 * @param entries rows stored
 * @param freshEntries rows younger than the maximum age
 * @param oldest the oldest {@code scanned_at}, empty when there are no rows
 * @param newest the newest {@code scanned_at}, empty when there are no rows
 * @param byRiskLevel rows per risk level; levels without rows are absent
 * @param databaseBytes size of the database file
 * @param walBytes size of the write-ahead log, 0 when there is none
 */
public record CacheInventory(
        Path file,
        int schemaVersion,
        String journalMode,
        long entries,
        long freshEntries,
        Optional<Instant> oldest,
        Optional<Instant> newest,
        Map<RiskLevel, Long> byRiskLevel,
        long databaseBytes,
        long walBytes) {

    public CacheInventory {
        byRiskLevel = Map.copyOf(byRiskLevel);
    }

    /** Rows older than the maximum age: they are kept but served as misses. */
    public long staleEntries() {
        return entries - freshEntries;
    }
}
