package io.vscanpoc.cache.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vscanpoc.cache.CacheConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How connections to the cache file are made: the sqlite-jdbc settings that put the pragmas on every
 * connection the moment it is opened, and the HikariCP pool around them. docs/cache.md explains each
 * value. Not API.
 */
public final class SqlitePool implements AutoCloseable {

    private final HikariDataSource pool;

    private SqlitePool(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * The pragmas, applied by sqlite-jdbc to each new connection, pooled or not. Only journal_mode,
     * synchronous, busy_timeout, foreign_keys, journal_size_limit and wal_autocheckpoint are set;
     * everything else keeps SQLite's defaults.
     */
    public static SQLiteConfig sqliteConfig(CacheConfig config) {
        var sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout((int) config.busyTimeout().toMillis());
        sqlite.enforceForeignKeys(true);
        sqlite.setJournalSizeLimit(config.journalSizeLimit());
        sqlite.setWalAutocheckpoint(config.walAutocheckpointPages());
        // Transactions are begun explicitly with BEGIN IMMEDIATE; this makes any transaction begun
        // through JDBC's setAutoCommit(false) immediate too.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return sqlite;
    }

    /** A data source that opens a fresh, unpooled connection with the same pragmas. */
    public static SQLiteDataSource unpooled(CacheConfig config) {
        var source = new SQLiteDataSource(sqliteConfig(config));
        source.setUrl(url(config.databaseFile()));
        return source;
    }

    /**
     * Starts a fixed-size pool and opens its first connection.
     *
     * @throws SQLException when the first connection cannot be opened
     */
    public static SqlitePool start(CacheConfig config) throws SQLException {
        var hikari = new HikariConfig();
        hikari.setPoolName(config.poolName());
        hikari.setDataSource(unpooled(config));
        // Fixed size: SQLite connections hold no server resources, and opening one re-reads the
        // schema, so there is nothing to gain from shrinking and re-growing the pool.
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        // A local file connection does not go stale the way a network one does: never retire or
        // ping connections (0 disables each).
        hikari.setMaxLifetime(0);
        hikari.setIdleTimeout(0);
        hikari.setKeepaliveTime(0);
        hikari.setAutoCommit(true);
        // Fail at once if the first connection cannot be opened, instead of on the first query.
        hikari.setInitializationFailTimeout(1);
        try {
            return new SqlitePool(new HikariDataSource(hikari));
        } catch (RuntimeException e) {
            // HikariCP wraps the driver's failure in its own unchecked PoolInitializationException.
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getMessage(), e);
        }
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** The pool as a {@link javax.sql.DataSource}. */
    public HikariDataSource dataSource() {
        return pool;
    }

    /** A pooled connection; waiting for one parks the caller (a Java-level wait, never native). */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Closes every connection; idempotent. */
    @Override
    public void close() {
        pool.close();
    }
}
