package io.vscanpoc.cache.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the {@code scan_results} table; every method works on a connection it is given. Not API. */
public final class ResultStore {

    private static final String COLUMNS = "extension_id, display_id, version, scan_result, scanned_at, "
            + "risk_level, security_score, vulnerabilities_count, checksum";

    private static final String UPSERT = "INSERT INTO scan_results(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(extension_id) DO UPDATE SET display_id = excluded.display_id, "
            + "version = excluded.version, scan_result = excluded.scan_result, scanned_at = excluded.scanned_at, "
            + "risk_level = excluded.risk_level, security_score = excluded.security_score, "
            + "vulnerabilities_count = excluded.vulnerabilities_count, checksum = excluded.checksum";

    private ResultStore() {}

    /** What a key-only listing returns: enough to tell fresh from stale. */
    public record StoredKey(String key, String displayId, long scannedAtMillis) {}

    /** Receives rows one at a time, so checking a large cache never holds it all in memory. */
    @FunctionalInterface
    public interface RowVisitor {
        void visit(StoredRow row) throws SQLException;
    }

    /** Inserts {@code row}, or replaces the row stored under its key. */
    public static void upsert(Connection connection, StoredRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, row.key());
            statement.setString(2, row.displayId());
            statement.setString(3, row.version());
            statement.setString(4, row.json());
            statement.setLong(5, row.scannedAtMillis());
            statement.setString(6, row.riskLevel());
            statement.setInt(7, row.score());
            statement.setInt(8, row.vulnerabilities());
            statement.setString(9, row.checksum());
            statement.executeUpdate();
        }
    }

    public static Optional<StoredRow> find(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM scan_results WHERE extension_id = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Whether a row for {@code key} was stored at or after {@code freshSinceMillis}. */
    public static boolean containsFresh(Connection connection, String key, long freshSinceMillis)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM scan_results WHERE extension_id = ? AND scanned_at >= ?")) {
            statement.setString(1, key);
            statement.setLong(2, freshSinceMillis);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public static long count(Connection connection) throws SQLException {
        return countFresh(connection, Long.MIN_VALUE);
    }

    /** Rows stored at or after {@code freshSinceMillis}. */
    public static long countFresh(Connection connection, long freshSinceMillis) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COUNT(*) FROM scan_results WHERE scanned_at >= ?")) {
            statement.setLong(1, freshSinceMillis);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every key, in key order. */
    public static List<StoredKey> keys(Connection connection) throws SQLException {
        var keys = new ArrayList<StoredKey>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT extension_id, display_id, scanned_at FROM scan_results ORDER BY extension_id")) {
            while (rows.next()) {
                keys.add(new StoredKey(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return keys;
    }

    /** Visits every row in key order. */
    public static void forEach(Connection connection, RowVisitor visitor) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT " + COLUMNS + " FROM scan_results ORDER BY extension_id")) {
            while (rows.next()) {
                visitor.visit(read(rows));
            }
        }
    }

    /** Rows per {@code risk_level}, in level order. */
    public static Map<String, Long> countByRiskLevel(Connection connection) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT risk_level, COUNT(*) FROM scan_results GROUP BY risk_level ORDER BY risk_level")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** The oldest and newest {@code scanned_at}, or an empty array when there are no rows. */
    public static long[] scannedAtRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT MIN(scanned_at), MAX(scanned_at), COUNT(*) FROM scan_results")) {
            rows.next();
            return rows.getLong(3) == 0 ? new long[0] : new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    public static int delete(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM scan_results WHERE extension_id = ?")) {
            statement.setString(1, key);
            return statement.executeUpdate();
        }
    }

    public static int deleteAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM scan_results");
        }
    }

    private static StoredRow read(ResultSet rows) throws SQLException {
        return new StoredRow(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getLong(5),
                rows.getString(6),
                rows.getInt(7),
                rows.getInt(8),
                rows.getString(9));
    }
}
