package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.VscanException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Turns what the HTTP client failed with, before a usable answer arrived, into the exception of its
 * category: a connect or request timeout is a request timeout, the size cap is a malformed answer,
 * any other I/O failure (refused, reset, closed early, not HTTP at all) is a network error. The JDK
 * wraps causes in one another, so the whole chain is searched. No message quotes what the server sent.
 */
public final class TransportFailures {

    private TransportFailures() {}

    /**
     * The classified failure for {@code failure}.
     *
     * @throws IllegalStateException if {@code failure} is not an I/O failure at all (a bug)
     */
    public static VscanException classify(Throwable failure, Endpoint endpoint, ExtensionId id, Duration timeout) {
        String where = endpoint + " for " + id;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return new MalformedResponseException(
                        "response larger than " + tooLarge.limit() + " bytes from " + where, tooLarge.status(), null);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new ScanTimeoutException(
                        "connecting timed out on " + where, ScanTimeoutException.Phase.REQUEST, t);
            }
            if (t instanceof HttpTimeoutException) {
                return requestTimeout(endpoint, id, timeout, t);
            }
        }
        IOException outer = null;
        IOException inner = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException) {
                // The JDK's message quotes the offending status line or header, i.e. the server's
                // bytes, so neither it nor the exception goes into ours.
                return new NetworkException("network error on " + where + ": the answer is not valid HTTP", null);
            }
            if (t instanceof IOException e) {
                outer = outer == null ? e : outer;
                // The innermost with a message says what happened: the JDK wraps it in summaries
                // such as "Too many retries" when it gives up an exchange it would have repeated.
                inner = inner == null || hasMessage(e) ? e : inner;
            }
        }
        if (outer == null) {
            throw new IllegalStateException("unexpected failure on " + where, failure);
        }
        return new NetworkException("network error on " + where + ": " + describe(inner), outer);
    }

    /** The failure for an attempt that got no whole answer within {@code timeout}. */
    public static ScanTimeoutException requestTimeout(
            Endpoint endpoint, ExtensionId id, Duration timeout, Throwable cause) {
        return new ScanTimeoutException(
                "no answer within " + timeout.toMillis() + " ms to " + endpoint + " for " + id,
                ScanTimeoutException.Phase.REQUEST,
                cause);
    }

    private static boolean hasMessage(IOException e) {
        return e.getMessage() != null && !e.getMessage().isBlank();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.replaceAll("\\s+", " ").strip();
    }
}
