package io.vscanpoc.cache.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Explicit SQLite transactions on an auto-commit connection. Not API. */
public final class Transactions {

    private Transactions() {}

    /**
     * Runs {@code work} between {@code BEGIN IMMEDIATE} and {@code COMMIT}, rolling back when it
     * fails. IMMEDIATE takes the write lock up front, so a transaction that started reading can
     * never fail later with {@code SQLITE_BUSY_SNAPSHOT} when it upgrades to write.
     */
    public static <T> T immediate(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    /** Rolls back if a transaction is open; a failure to do so is attached to {@code cause}. */
    private static void rollbackQuietly(Connection connection, Exception cause) {
        try (Statement statement = connection.createStatement()) {
            // sqlite-jdbc exposes no "in transaction" flag for manual BEGIN; a COMMIT that failed
            // may already have ended the transaction, and then ROLLBACK fails harmlessly.
            statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            if (!String.valueOf(rollbackFailure.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(rollbackFailure);
            }
        }
    }
}
