package io.vscanpoc.cache.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What an SQLite failure means to the cache, from its primary result code (the low byte of the
 * extended code, so {@code SQLITE_BUSY_SNAPSHOT} is {@link #BUSY}). Not API.
 */
public enum SqliteErrorKind {
    /** {@code SQLITE_BUSY}: another connection holds a lock; retrying may succeed. */
    BUSY,
    /** {@code SQLITE_LOCKED}: a conflict inside one connection or shared cache; retrying may succeed. */
    LOCKED,
    /** {@code SQLITE_CORRUPT} or {@code SQLITE_NOTADB}: the file is damaged or not a database. */
    CORRUPT,
    /** Anything else (I/O, full disk, read-only file, SQL errors): not retried. */
    OTHER;

    private static final int PRIMARY_MASK = 0xff;

    /** Classifies the first {@link SQLiteException} in {@code failure}'s cause chain. */
    public static SqliteErrorKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) {
                return ofPrimaryCode(e.getResultCode().code & PRIMARY_MASK);
            }
            if (t instanceof SQLException e && e.getCause() == null && e.getErrorCode() != 0) {
                // sqlite-jdbc reports some failures as a plain SQLException carrying the code.
                return ofPrimaryCode(e.getErrorCode() & PRIMARY_MASK);
            }
        }
        return OTHER;
    }

    /** The first line of {@code failure}'s message: SQLite's messages sometimes carry the SQL after it. */
    public static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** True for {@link #BUSY} and {@link #LOCKED}, the results a retry can overcome. */
    public boolean isContention() {
        return this == BUSY || this == LOCKED;
    }

    private static SqliteErrorKind ofPrimaryCode(int code) {
        if (code == SQLiteErrorCode.SQLITE_BUSY.code) {
            return BUSY;
        }
        if (code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return LOCKED;
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return CORRUPT;
        }
        return OTHER;
    }
}
