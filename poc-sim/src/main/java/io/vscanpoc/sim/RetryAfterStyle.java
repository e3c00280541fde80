package io.vscanpoc.sim;

/** Whether a limit's 429 (or over-capacity 503) carries a {@code Retry-After} header. */
public enum RetryAfterStyle {
    /**
     * {@code Retry-After: N}, N whole vscan seconds (at least 1) until the bucket holds a token
     * again; the client multiplies it by the shared time scale.
     */
    SECONDS,
    /** No header: the client must fall back on its own backoff. */
    NONE
}
