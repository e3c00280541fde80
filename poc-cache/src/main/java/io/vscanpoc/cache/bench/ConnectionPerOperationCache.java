package io.vscanpoc.cache.bench;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.MalformedResponseException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The earlier scanner's cache pattern, for comparison only: a new connection for every operation,
 * the rollback journal ({@code journal_mode=DELETE}) and SQLite's default {@code synchronous=FULL},
 * one auto-committed statement per write, and a 5 s busy timeout (Python's sqlite3 default). It
 * stores the same row shape as the real cache so the two do the same work per operation.
 */
final class ConnectionPerOperationCache {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final String url;
    private final Properties properties = new Properties();

    ConnectionPerOperationCache(Path file) throws SQLException {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=DELETE");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS scan_results (
                      extension_id TEXT NOT NULL PRIMARY KEY, display_id TEXT NOT NULL,
                      version TEXT NOT NULL, scan_result TEXT NOT NULL, scanned_at INTEGER NOT NULL,
                      risk_level TEXT NOT NULL, security_score INTEGER NOT NULL,
                      vulnerabilities_count INTEGER NOT NULL)""");
        }
    }

    void put(AnalysisResult result, long scannedAtMillis) throws SQLException {
        try (Connection connection = open();
                var statement = connection.prepareStatement(
                        "INSERT OR REPLACE INTO scan_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, result.id().key());
            statement.setString(2, result.id().toString());
            statement.setString(3, result.version());
            statement.setString(4, result.rawJson());
            statement.setLong(5, scannedAtMillis);
            statement.setString(6, result.riskLevel().apiName());
            statement.setInt(7, result.score());
            statement.setInt(8, result.vulnerabilities().total());
            statement.executeUpdate();
        }
    }

    Optional<AnalysisResult> get(ExtensionId id) throws SQLException, MalformedResponseException {
        String json;
        try (Connection connection = open();
                var statement = connection.prepareStatement("SELECT scan_result FROM scan_results WHERE extension_id = ?")) {
            statement.setString(1, id.key());
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                json = rows.getString(1);
            }
        }
        // The earlier scanner parsed what it read, as SqliteResultCache.get does.
        return Optional.of(AnalysisResult.parse(id, json));
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }
}
