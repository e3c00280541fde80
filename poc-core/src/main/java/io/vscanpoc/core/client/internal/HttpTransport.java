package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.error.VscanException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one attempt and returns its answer, whatever the status, with the body read through the
 * size cap. Fails only when no usable answer arrived: a timeout, an I/O error, or a body over the
 * cap.
 *
 * <p>{@link HttpRequest#timeout} bounds the wait for the answer's headers; the whole exchange,
 * body included, is bounded by waiting on the future for the same timeout, so a server that
 * trickles a body cannot hold a worker forever. A timeout or an interrupt cancels the exchange.
 */
public final class HttpTransport {

    private final HttpClient client;
    private final CappedBodyHandler bodyHandler;
    private final Duration timeout;

    /**
     * @param timeout the real time one exchange may take
     */
    public HttpTransport(HttpClient client, long maxBodyBytes, Duration timeout) {
        this.client = client;
        this.bodyHandler = new CappedBodyHandler(maxBodyBytes);
        this.timeout = timeout;
    }

    /** The answer to {@code request}. */
    public Response send(HttpRequest request, Endpoint endpoint, ExtensionId id)
            throws VscanException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, bodyHandler);
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw TransportFailures.requestTimeout(endpoint, id, timeout, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw TransportFailures.classify(e.getCause(), endpoint, id, timeout);
        }
    }

    /** One HTTP answer; the body is empty unless the status is 2xx. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        /** The body as UTF-8 text, the encoding JSON is sent in. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
