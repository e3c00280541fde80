package io.vscanpoc.cli.hardening;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hostile vscan.dev on 127.0.0.1: what it answers depends on the extension's name, and every bad
 * answer carries {@link #MARKER}, so a test can prove no byte of an answer reaches a message, a log
 * or a report. It records the raw path and headers of every request.
 *
 * <p>By name: {@code good} a proper scan; {@code html} an HTML page with 200; {@code badjson} 200
 * with an invalid JSON token; {@code err500} a 500 whose body is a stack trace; {@code err503} a 503 (retried) with an HTML body; {@code notfound} a
 * 404 with a body; {@code badresults} a results document with an invalid token; {@code redirect} a
 * 302 to another path of this server (which must never be requested); {@code hostileid} an
 * analysis ID made of path syntax ({@link #HOSTILE_ID}).
 */
public final class MarkerServer implements AutoCloseable {

    public static final String MARKER = "zzResponseBodyMarker93f1";
    public static final String BASE = "/api/extensions";
    public static final String HOSTILE_ID = "../../admin?x=1#frag %2e/\u00fc";
    /** Where the redirect points: requested only by a client that follows redirects. */
    public static final String REDIRECT_TARGET = "/elsewhere";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESULTS = """
            {"extensionInfo":{"name":"x","version":"1.0.0"},
             "securityScore":{"score":82,"riskLevel":"high","notes":[]},
             "analysisTimestamp":"2025-10-01T12:00:00Z","hasErrors":false}""";

    /** One request as it arrived. */
    public record Request(String method, String rawPath, Map<String, List<String>> headers) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private MarkerServer() {
        server = LoopbackHttp.start(this::handle);
    }

    public static MarkerServer start() {
        return new MarkerServer();
    }

    public String apiUrl() {
        return LoopbackHttp.apiUrl(server);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), rawPath, Map.copyOf(exchange.getRequestHeaders())));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (rawPath.equals(BASE + "/analyze")) {
                String name = JSON.readTree(body).path("name").asString("");
                analyze(exchange, name);
            } else if (rawPath.startsWith(BASE + "/status/")) {
                send(exchange, 200, "application/json", "{\"status\":\"completed\",\"progress\":100}");
            } else if (rawPath.startsWith(BASE + "/results/")) {
                String id = rawPath.substring((BASE + "/results/").length());
                send(exchange, 200, "application/json", id.startsWith("badresults")
                        ? "{\"extensionInfo\":{\"version\":\"1\"},\"securityScore\":" + MARKER + "}"
                        : RESULTS);
            } else {
                send(exchange, 404, "text/plain", "no such path " + MARKER);
            }
        }
    }

    private void analyze(HttpExchange exchange, String name) throws IOException {
        switch (name) {
            case "html" -> send(exchange, 200, "text/html", "<html><body><h1>Maintenance " + MARKER + "</h1></body></html>");
            case "badjson" -> send(exchange, 200, "application/json", "{\"analysisId\": " + MARKER + "}");
            case "err500" -> send(exchange, 500, "text/plain",
                    "java.lang.IllegalStateException: " + MARKER + "\n\tat com.example.Api.analyze(Api.java:42)");
            case "err503" -> send(exchange, 503, "text/html", "<html>Service Unavailable " + MARKER + "</html>");
            case "notfound" -> send(exchange, 404, "application/json", "{\"error\":\"" + MARKER + "\"}");
            case "redirect" -> {
                exchange.getResponseHeaders().add("Location", REDIRECT_TARGET);
                send(exchange, 302, "text/plain", "moved " + MARKER);
            }
            case "hostileid" -> send(exchange, 202, "application/json",
                    JSON.createObjectNode().put("analysisId", HOSTILE_ID).toString());
            default -> send(exchange, 202, "application/json",
                    JSON.createObjectNode().put("analysisId", name + "-analysis").toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
