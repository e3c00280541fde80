package io.vscanpoc.cache;

import java.util.List;

/**
 * The outcome of {@link SqliteResultCache#integrityCheck()}.
 *
 * @param ok true when SQLite reported {@code ok} and the content check found no problem
 * @param sqliteResult what {@code PRAGMA integrity_check} returned, its lines joined by newlines;
 *     exactly {@code ok} for a sound file
 * @param rowsChecked rows the content check read
 * @param problems one line per problem found, SQLite's and the content check's, at most
 *     {@link #MAX_PROBLEMS} (the last line then says how many more there were)
 */
public record IntegrityReport(boolean ok, String sqliteResult, int rowsChecked, List<String> problems) {

    /** Most problem lines kept; a damaged file can yield thousands. */
    public static final int MAX_PROBLEMS = 100;

    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    /** One line for a person: {@code ok (30 rows checked)} or the count and first problem. */
    public String summary() {
        if (ok) {
            return "ok (" + rowsChecked + " rows checked)";
        }
        return "FAILED: " + problems.size() + " problem(s), " + rowsChecked + " rows checked; first: "
                + (problems.isEmpty() ? sqliteResult : problems.getFirst());
    }
}
