package io.vscanpoc.report.model;

import java.util.Objects;

/**
 * The cache checks run after a repetition.
 *
 * @param integrityOk SQLite {@code PRAGMA integrity_check} answered {@code ok}
 * @param contentOk every cached row parsed and matched what was fetched
 * @param detail one line saying what was checked, or what failed; never null
 */
public record CacheCheck(boolean integrityOk, boolean contentOk, String detail) {

    public CacheCheck {
        Objects.requireNonNull(detail, "detail");
    }

    /** Both checks passed. */
    public boolean passed() {
        return integrityOk && contentOk;
    }
}
