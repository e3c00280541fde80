package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;
import java.time.Duration;
import java.util.Optional;

/** HTTP 429 Too Many Requests, with the server's {@code Retry-After} when it sent one. */
public final class RateLimitedException extends VscanException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, 429, null);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait, in the server's (unscaled) time. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.RATE_LIMITED;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
