package io.vscanpoc.cache;

import io.vscanpoc.cache.internal.BusyRetry;
import io.vscanpoc.cache.internal.CacheFiles;
import io.vscanpoc.cache.internal.CacheMetrics;
import io.vscanpoc.cache.internal.DatabaseOpener;
import io.vscanpoc.cache.internal.IntegrityChecker;
import io.vscanpoc.cache.internal.ResultStore;
import io.vscanpoc.cache.internal.Schema;
import io.vscanpoc.cache.internal.SerialWriter;
import io.vscanpoc.cache.internal.ConnectionWork;
import io.vscanpoc.cache.internal.SqliteErrorKind;
import io.vscanpoc.cache.internal.SqlitePool;
import io.vscanpoc.cache.internal.StatementCache;
import io.vscanpoc.cache.internal.StoredRow;
import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ResultCache;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.time.Sleeper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link ResultCache} on one SQLite file, {@code <directory>/cache.db}, in WAL mode behind a
 * small HikariCP pool. docs/cache.md describes the schema, pragmas and pool.
 *
 * <p>Concurrency: reads run on the caller's thread, as many at once as the pool has reader
 * connections (all but the writer's one); further readers park (a Java-level wait, first come first
 * served) until one is free. Writes are serialised behind one Java lock: the holder commits every write queued so far in
 * one transaction on the writer's own pooled connection, while the other writers park on the lock
 * (unmounted, carrier free) and return when their write is committed. So no two threads ever
 * contend for SQLite's write lock inside native code, and batches form under load. {@code SQLITE_BUSY} and
 * {@code SQLITE_LOCKED}, which only another process can cause, are retried in Java and every one is
 * counted in {@link #stats()}.
 *
 * <p>Durability: a {@code put} that returned has been committed. With {@code synchronous=NORMAL} in
 * WAL mode that survives the process being killed (the test suite kills a writer 20 times), but a
 * power failure or OS crash may roll back the last commits; it never corrupts the file.
 *
 * <p>All methods are thread-safe. After {@link #close()}, every method but {@code close},
 * {@code warnings}, {@code stats} and {@code config} throws {@link CacheException}.
 */
public final class SqliteResultCache implements ResultCache {

    private final CacheConfig config;
    private final List<String> warnings;
    private final SqlitePool pool;
    private final CacheMetrics metrics;
    private final BusyRetry retry;
    private final SerialWriter writer;
    private final StatementCache statements = new StatementCache();
    private final Semaphore readPermits;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteResultCache(
            CacheConfig config, List<String> warnings, SqlitePool pool, CacheMetrics metrics, BusyRetry retry) {
        this.config = config;
        this.warnings = warnings;
        this.pool = pool;
        this.metrics = metrics;
        this.retry = retry;
        // Every connection but the one the writer holds.
        this.readPermits = new Semaphore(config.poolSize() - 1, true);
        this.writer = new SerialWriter(
                pool.dataSource(),
                retry,
                metrics,
                config.maxBatchSize(),
                config.batchDelay(),
                config.checkpointEveryWrites(),
                config.poolName());
    }

    /**
     * Opens (creating when missing) the cache that {@code config} describes.
     *
     * <p>A file that is not a database, or that fails {@link #integrityCheck()} when
     * {@link CacheConfig#verifyOnOpen()} is set, is renamed to {@code cache.db.corrupt-<UTC
     * timestamp>} together with its {@code -wal} and {@code -shm} files, never deleted, and an empty
     * cache is started in its place; {@link #warnings()} then says so. With
     * {@link CacheConfig#moveDamagedAside()} off, opening fails instead and nothing is touched.
     *
     * @throws CacheException with a one-line message naming the path, when the directory cannot be
     *     created or written, the path is a file rather than a directory, the database cannot be
     *     opened for a reason other than damage (permissions, I/O), it was written by a newer
     *     schema version, or it is damaged and {@link CacheConfig#moveDamagedAside()} is off. (Only
     *     a configuration out of range throws {@link IllegalArgumentException}, from
     *     {@link CacheConfig.Builder#build()}.)
     */
    public static SqliteResultCache open(CacheConfig config) throws CacheException {
        Objects.requireNonNull(config, "config");
        var metrics = new CacheMetrics();
        var retry = new BusyRetry(config.busyRetryBudget(), Sleeper.SYSTEM, metrics);
        DatabaseOpener.Opened opened = DatabaseOpener.open(config, retry);
        return new SqliteResultCache(config, opened.warnings(), opened.pool(), metrics, retry);
    }

    /** What the caller should show the user about opening, such as a damaged file moved aside; usually empty. */
    public List<String> warnings() {
        return warnings;
    }

    /** The configuration it was opened with. */
    public CacheConfig config() {
        return config;
    }

    /** {@code <directory>/cache.db}. */
    public Path databaseFile() {
        return config.databaseFile();
    }

    /**
     * The stored analysis of {@code id} when it is younger than the maximum age; an older one is a
     * miss. The result carries {@code id} as given, the raw JSON verbatim, and the fields parsed
     * from it when it was stored; it equals what {@link AnalysisResult#parse} gives for that JSON.
     *
     * @throws CacheException when the database cannot be read, or the stored entry fails its
     *     checksum (the entry is damaged; a hit would hand out wrong data)
     */
    @Override
    public Optional<AnalysisResult> get(ExtensionId id) throws CacheException {
        Objects.requireNonNull(id, "id");
        long start = System.nanoTime();
        Optional<StoredRow> row = read("read " + id, connection -> ResultStore.find(statements, connection, id.key()));
        if (row.isEmpty() || !isFresh(row.get().scannedAtMillis())) {
            metrics.miss(System.nanoTime() - start, row.isPresent());
            return Optional.empty();
        }
        StoredRow stored = row.get();
        // A hit is served from the columns parsed when it was stored (the content check proves
        // they match the JSON); the checksum proves the JSON handed out is the one stored.
        if (!stored.checksumMatches()) {
            metrics.error();
            throw new CacheException("cached entry for " + id + " fails its checksum; run 'cache check'", null);
        }
        try {
            AnalysisResult result = stored.toResult(id);
            metrics.hit(System.nanoTime() - start);
            return Optional.of(result);
        } catch (RuntimeException e) {
            metrics.error();
            throw new CacheException("cached entry for " + id + " is damaged (" + e.getMessage() + "); run 'cache check'", e);
        }
    }

    /**
     * Stores {@code result} as the latest analysis of its extension, stamped with the clock's now,
     * replacing any earlier one; returns once it is committed. Concurrent puts are committed
     * together in one transaction.
     *
     * @throws CacheException when the write fails or the cache is closed
     */
    @Override
    public void put(AnalysisResult result) throws CacheException {
        Objects.requireNonNull(result, "result");
        long start = System.nanoTime();
        StoredRow row = StoredRow.of(result, config.clock().instant());
        write("write " + result.id(), true, connection -> {
            ResultStore.upsert(statements, connection, row);
            return null;
        });
        metrics.put(System.nanoTime() - start);
    }

    /** Entries stored, stale ones included. */
    @Override
    public long count() throws CacheException {
        return read("count entries", ResultStore::count);
    }

    /** Whether {@link #get} would return a hit for {@code id}, without parsing it. */
    public boolean contains(ExtensionId id) throws CacheException {
        Objects.requireNonNull(id, "id");
        long freshSince = freshSinceMillis();
        return read("read " + id, connection -> ResultStore.containsFresh(connection, id.key(), freshSince));
    }

    /** The IDs of every stored entry, stale ones included, in the spelling they were stored with, by key. */
    public List<ExtensionId> keys() throws CacheException {
        return read("list entries", connection -> ResultStore.keys(connection).stream()
                .map(key -> ExtensionId.parse(key.displayId()))
                .toList());
    }

    /** Removes every entry. */
    @Override
    public void clear() throws CacheException {
        write("clear the cache", false, ResultStore::deleteAll);
    }

    /**
     * Sets up the PoC's "50/50" state: among {@code ids} that have a fresh entry, keeps {@code keep}
     * chosen at random with {@code seed}, and deletes every other entry, including entries for IDs
     * not in {@code ids} and stale ones. Afterwards the cache holds exactly the returned IDs.
     *
     * <p>The choice depends only on the seed and the set of candidates (they are sorted by key before
     * the seeded shuffle), not on the order of {@code ids}. Runs in one write transaction.
     *
     * @param keep how many to keep; when fewer candidates have a fresh entry, all of them are kept and
     *     the returned list is shorter, so the caller must check its size
     * @return the kept IDs, in the order of {@code ids}
     * @throws IllegalArgumentException if {@code keep} is negative
     */
    public List<ExtensionId> retainRandom(Collection<ExtensionId> ids, int keep, long seed) throws CacheException {
        Objects.requireNonNull(ids, "ids");
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative, was " + keep);
        }
        var requested = new LinkedHashMap<String, ExtensionId>();
        ids.forEach(id -> requested.putIfAbsent(id.key(), id));
        long freshSince = freshSinceMillis();
        var kept = write("keep " + keep + " entries", false, connection -> {
            List<ResultStore.StoredKey> stored = ResultStore.keys(connection);
            var candidates = new ArrayList<String>();
            for (var key : stored) {
                if (requested.containsKey(key.key()) && key.scannedAtMillis() >= freshSince) {
                    candidates.add(key.key());
                }
            }
            // Sorted (keys() returns key order) before shuffling, so only the seed decides.
            Collections.shuffle(candidates, new Random(seed));
            var chosen = new HashSet<>(candidates.subList(0, Math.min(keep, candidates.size())));
            for (var key : stored) {
                if (!chosen.contains(key.key())) {
                    ResultStore.delete(connection, key.key());
                }
            }
            return chosen;
        });
        return requested.values().stream().filter(id -> kept.contains(id.key())).toList();
    }

    /**
     * Runs SQLite's {@code PRAGMA integrity_check} and then the content check on every row: its JSON
     * parses, its checksum matches, and {@code version}, {@code risk_level}, {@code security_score}
     * and {@code vulnerabilities_count} agree with the JSON. Both see one consistent snapshot while
     * writes go on.
     *
     * @throws CacheException when the file cannot be read at all
     */
    public IntegrityReport integrityCheck() throws CacheException {
        return read("check the cache", IntegrityChecker::check);
    }

    /** This process's counters since the cache was opened; see {@link CacheStats}. */
    public CacheStats stats() {
        return metrics.snapshot();
    }

    /** What the file holds: entry counts, age range, risk levels, sizes. */
    public CacheInventory inventory() throws CacheException {
        long freshSince = freshSinceMillis();
        return read("describe the cache", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN DEFERRED");
                try {
                    long[] range = ResultStore.scannedAtRange(connection);
                    var byLevel = new EnumMap<RiskLevel, Long>(RiskLevel.class);
                    ResultStore.countByRiskLevel(connection)
                            .forEach((level, n) -> byLevel.merge(RiskLevel.fromApi(level), n, Long::sum));
                    return new CacheInventory(
                            databaseFile(),
                            Schema.version(connection),
                            journalMode(statement),
                            ResultStore.count(connection),
                            ResultStore.countFresh(connection, freshSince),
                            range.length == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(range[0])),
                            range.length == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(range[1])),
                            byLevel,
                            CacheFiles.size(databaseFile()),
                            CacheFiles.size(databaseFile().resolveSibling(CacheConfig.DB_FILE_NAME + "-wal")));
                } finally {
                    statement.execute("COMMIT");
                }
            }
        });
    }

    /**
     * Commits queued writes, checkpoints the WAL, and closes every pooled connection and the writer
     * thread. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                writer.close();
            } finally {
                pool.close();
                statements.clear();
            }
        }
    }

    /** Writers parked waiting for the write lock right now, for tests. */
    int waitingWriters() {
        return writer.waitingWriters();
    }

    /** Runs {@code work} on the writer's connection, in a transaction of its own, for tests. */
    <T> T onWriterConnection(ConnectionWork<T> work) throws CacheException {
        return write("run a test task", false, work);
    }

    /** A connection from the pool, for tests that read pragmas or tamper with rows. */
    Connection pooledConnection() throws SQLException {
        return pool.connection();
    }

    private static String journalMode(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("PRAGMA journal_mode")) {
            return rows.next() ? rows.getString(1) : "unknown";
        }
    }

    private boolean isFresh(long scannedAtMillis) {
        return scannedAtMillis >= freshSinceMillis();
    }

    private long freshSinceMillis() {
        return config.clock().instant().minus(config.maxAge()).toEpochMilli();
    }

    private <T> T read(String what, ConnectionWork<T> work) throws CacheException {
        ensureOpen(what);
        return translate(what, () -> {
            // First in, first served: HikariCP's own hand-out lets a thread that just returned a
            // connection take it again ahead of the waiters, which under saturation starved one
            // reader for seconds in the benchmark. With a permit per reader connection, the pool
            // never has waiters.
            if (!readPermits.tryAcquire(config.connectionTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SQLException("no connection became free within " + config.connectionTimeout());
            }
            try {
                return retry.run(() -> {
                    try (Connection connection = pool.connection()) {
                        return work.apply(connection);
                    }
                });
            } finally {
                readPermits.release();
            }
        });
    }

    private <T> T write(String what, boolean batchable, ConnectionWork<T> task) throws CacheException {
        ensureOpen(what);
        return translate(what, () -> {
            try {
                return writer.submit(task, batchable);
            } catch (SerialWriter.ClosedException e) {
                throw new SQLException("the cache is closed", e);
            }
        });
    }

    /** An operation that may fail or be interrupted. */
    private interface Operation<T> {
        T run() throws SQLException, InterruptedException;
    }

    /** Runs {@code operation}, turning every failure into a counted {@link CacheException}. */
    private <T> T translate(String what, Operation<T> operation) throws CacheException {
        try {
            return operation.run();
        } catch (SQLException e) {
            metrics.error();
            throw new CacheException("cannot " + what + " in " + databaseFile() + ": " + SqliteErrorKind.firstLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.error();
            throw new CacheException("interrupted while trying to " + what, e);
        } catch (RuntimeException e) {
            metrics.error();
            throw new CacheException("cannot " + what + ": " + e, e);
        }
    }

    private void ensureOpen(String what) throws CacheException {
        if (closed.get()) {
            metrics.error();
            throw new CacheException("cannot " + what + ": the cache is closed", null);
        }
    }
}
