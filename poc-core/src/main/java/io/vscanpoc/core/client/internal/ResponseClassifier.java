package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.error.ClientErrorException;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NotFoundException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.core.time.TimeScale;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns an HTTP answer that is not 2xx into the exception of its category, by status alone: 429 is
 * rate limited (with its Retry-After), 404 not found, other 4xx client error, 5xx server error with
 * the status kept. A 1xx or 3xx (redirects are not followed: a redirect could lead to plain http
 * elsewhere) is not an answer the workflow can use, so it counts as malformed. The body is never
 * read into a message.
 */
public final class ResponseClassifier {

    private ResponseClassifier() {}

    /** True for the statuses the workflow reads a body from. */
    public static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    /** The failure that {@code status} stands for; {@code status} must not be 2xx. */
    public static VscanException classify(
            int status, HttpHeaders headers, Endpoint endpoint, ExtensionId id, Instant now, TimeScale scale) {
        String where = "HTTP " + status + " from " + endpoint + " for " + id;
        if (status == 429) {
            Duration retryAfter = headers.firstValue("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, now, scale))
                    .orElse(null);
            String suffix = retryAfter == null ? "" : " (Retry-After " + retryAfter.toMillis() / 1000.0 + " s)";
            return new RateLimitedException(where + ": too many requests" + suffix, retryAfter);
        }
        if (status == 404) {
            return new NotFoundException(where + ": not found");
        }
        if (status >= 400 && status <= 499) {
            return new ClientErrorException(where + ": request refused", status);
        }
        if (status >= 500 && status <= 599) {
            return new ServerErrorException(where + ": server error", status);
        }
        return new MalformedResponseException(where + ": unexpected status", status, null);
    }
}
