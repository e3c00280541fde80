package io.vscanpoc.core;

import io.vscanpoc.core.error.CacheException;
import java.util.Optional;

/**
 * The port through which a scan reads and writes finished analyses. poc-cache implements it on
 * SQLite; tests use an in-memory map.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>Thread-safe: many workers call it at once, and readers must not wait for one another.</li>
 *   <li>A {@code put} that returned is durable: a later {@code get}, in this process or after a
 *       restart, sees it.</li>
 *   <li>Failures are reported as {@link CacheException}, never swallowed: the caller decides
 *       (the caching client turns them into {@link ErrorCategory#CACHE} outcomes).</li>
 *   <li>An entry too old to trust is a miss, not a hit.</li>
 * </ul>
 */
public interface ResultCache extends AutoCloseable {

    /** The cached analysis of {@code id}, if a fresh one is stored. */
    Optional<AnalysisResult> get(ExtensionId id) throws CacheException;

    /** Stores {@code result} as the latest analysis of its extension, replacing any earlier one. */
    void put(AnalysisResult result) throws CacheException;

    /** Number of entries stored, stale ones included. */
    long count() throws CacheException;

    /** Removes every entry. */
    void clear() throws CacheException;

    /** Releases the cache's resources; calling it again does nothing. */
    @Override
    void close();
}
