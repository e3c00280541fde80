package io.vscanpoc.cli.hardening;

import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that only counts what reaches it (and answers 503): point a run that
 * must fail validation at {@link #apiUrl()}, and {@link #requests()} proves nothing was sent.
 */
public final class Tripwire implements AutoCloseable {

    private final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    private Tripwire() {
        server = LoopbackHttp.start(exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
    }

    public static Tripwire start() {
        return new Tripwire();
    }

    /** {@code http://127.0.0.1:<port>/api/extensions}. */
    public String apiUrl() {
        return LoopbackHttp.apiUrl(server);
    }

    /** Requests received since start. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
