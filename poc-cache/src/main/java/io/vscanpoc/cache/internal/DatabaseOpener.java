package io.vscanpoc.cache.internal;

import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.core.error.CacheException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the cache file: prepares the directory and file, probes the file on one unpooled connection
 * (schema, and the integrity and content check when configured), moves a damaged file aside and
 * starts afresh, then starts the pool. Not API.
 */
public final class DatabaseOpener {

    /** An open pool and what the caller should be told about how it was opened. */
    public record Opened(SqlitePool pool, List<String> warnings) {}

    private DatabaseOpener() {}

    public static Opened open(CacheConfig config, BusyRetry retry) throws CacheException {
        Path file = config.databaseFile();
        CacheFiles.prepareDirectory(config.directory());
        CacheFiles.ensureDatabaseFile(file);
        var warnings = new ArrayList<String>();
        String damage = CacheFiles.looksLikeSqlite(file)
                ? probe(config, retry)
                : "not an SQLite database: its first bytes are not the SQLite header";
        if (damage != null && !config.moveDamagedAside()) {
            throw new CacheException("cache file " + file + " is damaged (" + damage + ")", null);
        }
        if (damage != null) {
            Path moved = CacheFiles.quarantine(file, config.clock().instant());
            warnings.add("cache file " + file + " was damaged (" + damage + "); moved it to "
                    + moved.getFileName() + " and started an empty cache");
            CacheFiles.ensureDatabaseFile(file);
            String again = probe(config, retry);
            if (again != null) {
                throw new CacheException("a new cache file " + file + " fails its check too: " + again, null);
            }
        }
        CacheFiles.restrictModes(file);
        SqlitePool pool;
        try {
            pool = SqlitePool.start(config);
        } catch (SQLException e) {
            throw new CacheException("cannot open cache " + file + ": " + e.getMessage(), e);
        }
        try {
            String mode = journalMode(pool);
            if (!"wal".equalsIgnoreCase(mode)) {
                warnings.add("cache file " + file + " runs in journal mode " + mode
                        + ", not WAL (the file system may not support it); readers will wait for writers");
            }
            // The -wal and -shm files exist now that connections are open.
            CacheFiles.restrictModes(file);
        } catch (SQLException | CacheException e) {
            pool.close();
            throw e instanceof CacheException c
                    ? c
                    : new CacheException("cannot open cache " + file + ": " + e.getMessage(), e);
        }
        return new Opened(pool, List.copyOf(warnings));
    }

    /**
     * Opens one unpooled connection, creates the schema when missing and, when configured, checks
     * the file.
     *
     * @return why the file counts as damaged, or null when it is sound
     * @throws CacheException for a failure that is not damage (permissions, I/O, newer schema); the
     *     file is then left exactly as it is
     */
    private static String probe(CacheConfig config, BusyRetry retry) throws CacheException {
        Path file = config.databaseFile();
        try (Connection connection = SqlitePool.unpooled(config).getConnection()) {
            Schema.ensure(connection, retry, config.clock());
            if (config.verifyOnOpen()) {
                IntegrityReport report = IntegrityChecker.check(connection);
                if (!report.ok()) {
                    return "integrity check: " + report.summary();
                }
            }
            return null;
        } catch (SQLException e) {
            if (SqliteErrorKind.of(e) == SqliteErrorKind.CORRUPT) {
                return SqliteErrorKind.firstLine(e);
            }
            throw new CacheException("cannot open cache " + file + ": " + SqliteErrorKind.firstLine(e), e);
        } catch (Schema.NewerSchemaException e) {
            throw new CacheException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while opening cache " + file, e);
        }
    }

    private static String journalMode(SqlitePool pool) throws SQLException {
        try (Connection connection = pool.connection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA journal_mode")) {
            return rows.next() ? rows.getString(1) : "unknown";
        }
    }
}
