package io.vscanpoc.cache.internal;

import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.InvalidExtensionIdException;
import io.vscanpoc.core.error.MalformedResponseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQLite's {@code integrity_check} followed by the content check: every row's JSON parses, its
 * checksum matches, and every column stored beside it (which is what a hit is served from) agrees
 * with what the JSON says. Not API.
 */
public final class IntegrityChecker {

    private IntegrityChecker() {}

    /**
     * Checks the database {@code connection} is open on. Both parts run inside one read transaction,
     * so a writer committing meanwhile is not seen half-way.
     *
     * @throws SQLException when the file cannot even be read (for example it is not a database);
     *     damage SQLite can describe is reported in the result instead
     */
    public static IntegrityReport check(Connection connection) throws SQLException {
        var problems = new Problems();
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN DEFERRED");
            try {
                String sqlite = sqliteCheck(statement, problems);
                int[] rows = {0};
                if ("ok".equals(sqlite)) {
                    // Reading rows of a structurally damaged file can fail or mislead; SQLite's
                    // verdict is enough to reject it.
                    ResultStore.forEach(connection, row -> {
                        rows[0]++;
                        checkRow(row, problems);
                    });
                }
                boolean ok = "ok".equals(sqlite) && problems.total == 0;
                return new IntegrityReport(ok, sqlite, rows[0], problems.lines());
            } finally {
                statement.execute("COMMIT");
            }
        }
    }

    private static String sqliteCheck(Statement statement, Problems problems) throws SQLException {
        var lines = new ArrayList<String>();
        try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        String result = String.join("\n", lines);
        if (!"ok".equals(result)) {
            lines.forEach(line -> problems.add("sqlite: " + line));
        }
        return result;
    }

    static void checkRow(StoredRow row, Problems problems) {
        String where = "row " + row.key() + ": ";
        ExtensionId id;
        try {
            id = ExtensionId.parse(row.displayId());
        } catch (InvalidExtensionIdException e) {
            problems.add(where + "display_id is not a valid extension ID (" + e.getMessage() + ")");
            return;
        }
        if (!id.key().equals(row.key())) {
            problems.add(where + "extension_id does not match display_id " + row.displayId());
        }
        if (!row.checksumMatches()) {
            problems.add(where + "checksum does not match scan_result");
        }
        AnalysisResult parsed;
        try {
            parsed = AnalysisResult.parse(id, row.json());
        } catch (MalformedResponseException e) {
            problems.add(where + "scan_result does not parse: " + e.getMessage());
            return;
        }
        compare(problems, where, "version", parsed.version(), row.version());
        compare(problems, where, "risk_level", parsed.riskLevel().apiName(), row.riskLevel());
        compare(problems, where, "security_score", parsed.score(), row.score());
        var inJson = parsed.vulnerabilities();
        var inColumns = row.vulnerabilities();
        compare(problems, where, "vulnerabilities_count", inJson.total(), inColumns.total());
        compare(problems, where, "vulnerabilities_critical", inJson.critical(), inColumns.critical());
        compare(problems, where, "vulnerabilities_high", inJson.high(), inColumns.high());
        compare(problems, where, "vulnerabilities_moderate", inJson.moderate(), inColumns.moderate());
        compare(problems, where, "vulnerabilities_low", inJson.low(), inColumns.low());
        compare(problems, where, "vulnerabilities_info", inJson.info(), inColumns.info());
        compare(problems, where, "analysis_timestamp",
                parsed.analysisTimestamp() == null ? null : parsed.analysisTimestamp().toString(),
                row.analysisTimestamp());
        compare(problems, where, "has_errors", parsed.hasErrors(), row.hasErrors());
    }

    private static void compare(Problems problems, String where, String column, Object inJson, Object inColumn) {
        if (!Objects.equals(inJson, inColumn)) {
            problems.add(where + column + " is " + inColumn + " but the JSON says " + inJson);
        }
    }

    /** Problem lines, capped at {@link IntegrityReport#MAX_PROBLEMS} with a count of the rest. */
    static final class Problems {
        private final List<String> lines = new ArrayList<>();
        private int total;

        void add(String line) {
            total++;
            if (lines.size() < IntegrityReport.MAX_PROBLEMS - 1) {
                lines.add(line);
            }
        }

        List<String> lines() {
            if (total <= lines.size()) {
                return lines;
            }
            var capped = new ArrayList<>(lines);
            capped.add("... and " + (total - lines.size()) + " more");
            return capped;
        }
    }
}
