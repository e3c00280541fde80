package io.vscanpoc.cache.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;

/**
 * The cache's tables and the version recorded with them. A later migration adds a step from version
 * {@code n} to {@code n + 1} here and bumps {@link #CURRENT}. Not API.
 */
public final class Schema {

    /** The version this build writes and reads. */
    public static final int CURRENT = 1;

    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
              version    INTEGER NOT NULL PRIMARY KEY,
              applied_at INTEGER NOT NULL
            ) STRICT""";

    // One row per extension, the latest result only: the raw report plus the fields the PoC reads,
    // so a hit needs no JSON parsing. STRICT makes SQLite reject a value of the wrong type instead
    // of storing it, so the content check never meets a silently coerced column.
    private static final String CREATE_RESULTS_TABLE = """
            CREATE TABLE IF NOT EXISTS scan_results (
              extension_id          TEXT    NOT NULL PRIMARY KEY,
              display_id            TEXT    NOT NULL,
              version               TEXT    NOT NULL,
              scan_result           TEXT    NOT NULL,
              scanned_at            INTEGER NOT NULL,
              risk_level            TEXT    NOT NULL,
              security_score        INTEGER NOT NULL CHECK (security_score BETWEEN 0 AND 100),
              vulnerabilities_count    INTEGER NOT NULL,
              vulnerabilities_critical INTEGER NOT NULL,
              vulnerabilities_high     INTEGER NOT NULL,
              vulnerabilities_moderate INTEGER NOT NULL,
              vulnerabilities_low      INTEGER NOT NULL,
              vulnerabilities_info     INTEGER NOT NULL,
              analysis_timestamp    TEXT,
              has_errors            INTEGER NOT NULL CHECK (has_errors IN (0, 1)),
              checksum              TEXT    NOT NULL CHECK (length(checksum) = 64),
              CHECK (extension_id = lower(display_id))
            ) STRICT""";

    private Schema() {}

    /** Thrown when the file was written by a newer build; it is left untouched. */
    public static final class NewerSchemaException extends Exception {
        NewerSchemaException(int found) {
            super("cache.db has schema version " + found + " but this build knows only up to " + CURRENT
                    + "; use a newer vscan-poc or another cache directory");
        }
    }

    /**
     * Creates the tables when they are missing. Reads first and writes only when needed, so opening
     * an up-to-date file takes no write lock.
     */
    public static void ensure(Connection connection, BusyRetry retry, InstantSource clock)
            throws SQLException, InterruptedException, NewerSchemaException {
        int found = retry.run(() -> version(connection));
        if (found > CURRENT) {
            throw new NewerSchemaException(found);
        }
        if (found == CURRENT && retry.run(() -> tableExists(connection, "scan_results"))) {
            return;
        }
        retry.run(() -> Transactions.immediate(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_VERSION_TABLE);
                statement.execute(CREATE_RESULTS_TABLE);
            }
            // Prepared only now: SQLite checks at prepare time that the table exists.
            try (var insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO schema_version(version, applied_at) VALUES (?, ?)")) {
                insert.setInt(1, CURRENT);
                insert.setLong(2, clock.millis());
                return insert.executeUpdate();
            }
        }));
    }

    /** The highest version recorded, 0 when the file has no schema yet. */
    public static int version(Connection connection) throws SQLException {
        if (!tableExists(connection, "schema_version")) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
