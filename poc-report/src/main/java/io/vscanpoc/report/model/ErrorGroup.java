package io.vscanpoc.report.model;

import io.vscanpoc.core.ErrorCategory;

/**
 * The error columns of the report: the brief's error types, each gathering one or more
 * {@link ErrorCategory categories}. The {@link #jsonKey() JSON keys} are part of the JSON contract.
 */
public enum ErrorGroup {
    /** HTTP 429 that retries did not get past. */
    RATE_LIMIT("rateLimit", "Rate limit (429)"),
    /** Request, analysis or deadline timeouts. */
    TIMEOUT("timeout", "Timeout"),
    /** HTTP 5xx. */
    SERVER("server", "Server (5xx)"),
    /** The SQLite result cache failed. */
    SQLITE("sqlite", "SQLite"),
    /** Connection refused, reset or cut. */
    NETWORK("network", "Network"),
    /** A 2xx answer whose body was not the JSON expected. */
    MALFORMED("malformed", "Malformed"),
    /** HTTP 404: the extension is unknown to the API. */
    NOT_FOUND("notFound", "Not found"),
    /** Every other category: client errors, failed analyses, budget, cancellation, bugs. */
    OTHER("other", "Other");

    private final String jsonKey;
    private final String label;

    ErrorGroup(String jsonKey, String label) {
        this.jsonKey = jsonKey;
        this.label = label;
    }

    /** The key under a scenario's {@code errors} object in the JSON. */
    public String jsonKey() {
        return jsonKey;
    }

    /** The column heading in the Markdown. */
    public String label() {
        return label;
    }

    /** The group a failure of {@code category} is counted in. */
    public static ErrorGroup of(ErrorCategory category) {
        return switch (category) {
            case RATE_LIMITED -> RATE_LIMIT;
            case TIMEOUT -> TIMEOUT;
            case SERVER_ERROR -> SERVER;
            case CACHE -> SQLITE;
            case NETWORK -> NETWORK;
            case MALFORMED_RESPONSE -> MALFORMED;
            case NOT_FOUND -> NOT_FOUND;
            case CLIENT_ERROR, ANALYSIS_FAILED, BUDGET_EXHAUSTED, CANCELLED, INTERNAL -> OTHER;
        };
    }
}
