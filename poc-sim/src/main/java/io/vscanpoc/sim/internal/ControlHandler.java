package io.vscanpoc.sim.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The simulator's own endpoints, outside the API and never counted: {@code GET /__sim/stats} (the
 * ground truth as JSON) and {@code POST /__sim/reset}, for clients that are not in the same JVM.
 */
public final class ControlHandler implements HttpHandler {

    /** Path prefix of the control endpoints. */
    public static final String PREFIX = "/__sim/";

    private final ServerState state;

    public ControlHandler(ServerState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals(PREFIX + "stats") && method.equals("GET")) {
                byte[] body = Json.MAPPER.writeValueAsBytes(state.stats());
                exchange.getResponseHeaders().set("Content-Type", ApiHandler.JSON);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.equals(PREFIX + "reset") && method.equals("POST")) {
                state.reset();
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] body = Documents.error(404, "Not Found", "simulator control endpoints: GET "
                        + PREFIX + "stats, POST " + PREFIX + "reset");
                exchange.getResponseHeaders().set("Content-Type", ApiHandler.JSON);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }
}
