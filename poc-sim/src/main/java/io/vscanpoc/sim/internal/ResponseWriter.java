package io.vscanpoc.sim.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Puts answers on the wire, well-formed or deliberately broken. The caller closes the exchange;
 * closing one whose body is incomplete, or that has no response at all, closes the connection,
 * which is how the disconnect faults reach the client.
 */
public final class ResponseWriter {

    private static final int CHUNK = 64 * 1024;
    // Read-only after initialisation, so every oversize stream can share it.
    private static final byte[] FILLER = filler();

    private final StatsCounters counters;

    public ResponseWriter(StatsCounters counters) {
        this.counters = counters;
    }

    /** The whole reply, with its exact Content-Length. */
    public void send(HttpExchange exchange, Reply reply) throws IOException {
        headers(exchange, reply);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Headers promising the whole body, then half of it; the caller's close cuts the connection. */
    public void sendHalf(HttpExchange exchange, Reply reply) throws IOException {
        headers(exchange, reply);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), Math.max(2, body.length));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, Math.max(1, body.length / 2));
        out.flush();
    }

    /**
     * A 200 JSON body of exactly {@code bytes} bytes, chunked, written from one shared buffer so
     * nothing of that size is ever held in memory.
     */
    public void sendOversize(HttpExchange exchange, long bytes) throws IOException {
        byte[] prefix = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", ApiHandler.JSON);
        counters.responded(200);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long filler = bytes - prefix.length - suffix.length;
        if (filler < 0) {
            writeFiller(out, bytes);
            return;
        }
        out.write(prefix);
        writeFiller(out, filler);
        out.write(suffix);
    }

    private static void writeFiller(OutputStream out, long bytes) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            int n = (int) Math.min(CHUNK, remaining);
            out.write(FILLER, 0, n);
            remaining -= n;
        }
    }

    private void headers(HttpExchange exchange, Reply reply) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        if (reply.headerName() != null && reply.headerValue() != null) {
            headers.set(reply.headerName(), reply.headerValue());
        }
        counters.responded(reply.status());
    }

    private static byte[] filler() {
        byte[] buffer = new byte[CHUNK];
        Arrays.fill(buffer, (byte) 'x');
        return buffer;
    }
}
