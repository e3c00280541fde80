package io.vscanpoc.core;

/**
 * Why one scan failed. Every failed {@link ScanOutcome} carries exactly one category, derived from
 * the type of what was thrown (see {@link io.vscanpoc.core.error.VscanException}), never from
 * message text.
 */
public enum ErrorCategory {
    /** The API answered HTTP 429 Too Many Requests, and retries did not get past it. */
    RATE_LIMITED,
    /** A request, a task or the whole scan ran out of time (connect, request, analysis or deadline). */
    TIMEOUT,
    /** The API answered 5xx. */
    SERVER_ERROR,
    /** The API answered a 4xx other than 404 and 429: the request itself was wrong. */
    CLIENT_ERROR,
    /** The API answered 404: the extension is unknown to it. */
    NOT_FOUND,
    /** The connection failed, was refused or was reset before a whole answer arrived. */
    NETWORK,
    /** The API answered 2xx, but the body was not the JSON expected (or was larger than allowed). */
    MALFORMED_RESPONSE,
    /** The API ran the analysis and reported it {@code failed}. */
    ANALYSIS_FAILED,
    /** The result cache could not be read or written; the scan result was not trusted or kept. */
    CACHE,
    /** The request budget was spent before this scan could send its requests. */
    BUDGET_EXHAUSTED,
    /** The scan was stopped from outside: the caller was interrupted, or fail-fast stopped it. */
    CANCELLED,
    /** A bug: the task threw something no other category explains. */
    INTERNAL
}
