package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;
import java.util.OptionalInt;

/**
 * A classified failure of one scan. Each subclass stands for exactly one {@link ErrorCategory}, so a
 * failure is classified by its type, never by its message. The hierarchy is sealed: adding a cause
 * means adding a type, and every {@code switch} over it is checked by the compiler.
 *
 * <p>Messages are one line for a human and never contain a response body.
 */
public abstract sealed class VscanException extends Exception
        permits RateLimitedException,
                NotFoundException,
                ClientErrorException,
                ServerErrorException,
                ScanTimeoutException,
                NetworkException,
                MalformedResponseException,
                AnalysisFailedException,
                CacheException,
                BudgetExhaustedException {

    private final int httpStatus;

    VscanException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The category this failure counts under. */
    public abstract ErrorCategory category();

    /** The HTTP status that caused it, if an HTTP answer did. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Whether sending the same request again may succeed; the retry policy asks this. */
    public boolean retryable() {
        return false;
    }
}
