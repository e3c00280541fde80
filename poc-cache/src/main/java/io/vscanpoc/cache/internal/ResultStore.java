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
import io.vscanpoc.core.VulnerabilitySummary;

/** The SQL of the {@code scan_results} table; every method works on a connection it is given. Not API. */
public final class ResultStore {

    private static final List<String> COLUMN_NAMES = List.of(
            "extension_id", "display_id", "version", "scan_result", "scanned_at", "risk_level", "security_score",
            "vulnerabilities_count", "vulnerabilities_critical", "vulnerabilities_high", "vulnerabilities_moderate",
            "vulnerabilities_low", "vulnerabilities_info", "analysis_timestamp", "has_errors", "checksum");

    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);

    private static final String UPSERT = "INSERT INTO scan_results(" + COLUMNS + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(COLUMN_NAMES.size(), "?"))
            + ") ON CONFLICT(extension_id) DO UPDATE SET "
            + String.join(", ", COLUMN_NAMES.stream().skip(1).map(c -> c + " = excluded." + c).toList());

    private static final String FIND = "SELECT " + COLUMNS + " FROM scan_results WHERE extension_id = ?";

    private ResultStore() {}

    /** What a key-only listing returns: enough to tell fresh from stale. */
    public record StoredKey(String key, String displayId, long scannedAtMillis) {}

    /** Receives rows one at a time, so checking a large cache never holds it all in memory. */
    @FunctionalInterface
    public interface RowVisitor {
        void visit(StoredRow row) throws SQLException;
    }

    /** Inserts {@code row}, or replaces the row stored under its key. */
    public static void upsert(StatementCache statements, Connection connection, StoredRow row) throws SQLException {
        PreparedStatement statement = statements.prepare(connection, UPSERT);
        var v = row.vulnerabilities();
        statement.setString(1, row.key());
        statement.setString(2, row.displayId());
        statement.setString(3, row.version());
        statement.setString(4, row.json());
        statement.setLong(5, row.scannedAtMillis());
        statement.setString(6, row.riskLevel());
        statement.setInt(7, row.score());
        statement.setInt(8, v.total());
        statement.setInt(9, v.critical());
        statement.setInt(10, v.high());
        statement.setInt(11, v.moderate());
        statement.setInt(12, v.low());
        statement.setInt(13, v.info());
        statement.setString(14, row.analysisTimestamp());
        statement.setBoolean(15, row.hasErrors());
        statement.setString(16, row.checksum());
        statement.executeUpdate();
    }

    public static Optional<StoredRow> find(StatementCache statements, Connection connection, String key)
            throws SQLException {
        PreparedStatement statement = statements.prepare(connection, FIND);
        statement.setString(1, key);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
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
                new VulnerabilitySummary(
                        rows.getInt(8), rows.getInt(9), rows.getInt(10), rows.getInt(11), rows.getInt(12), rows.getInt(13)),
                rows.getString(14),
                rows.getBoolean(15),
                rows.getString(16));
    }
}
