package io.vscanpoc.core.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vscanpoc.core.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * A scriptable vscan.dev stand-in on 127.0.0.1, for the client's edge cases. By default it answers
 * like a warm server (analyze 202, status completed, results a valid report); each endpoint can be
 * given a {@link Responder} or a script of {@link Reply replies}. It records every request with its
 * arrival time and counts every status it sent: the ground truth the client's counters must match.
 *
 * <p>As a field, {@code @RegisterExtension final StubVscanServer stub = StubVscanServer.start();}
 * gives each test its own server, closed after the test.
 */
final class StubVscanServer implements AutoCloseable, AfterEachCallback {

    static final String BASE_PATH = "/api/extensions";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Endpoint, Responder> responders = new ConcurrentHashMap<>();
    private final Map<Endpoint, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicLongArray sentStatuses = new AtomicLongArray(1000);
    private final CountDownLatch closing = new CountDownLatch(1);

    private StubVscanServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        for (var endpoint : Endpoint.values()) {
            calls.put(endpoint, new AtomicInteger());
        }
        responders.put(Endpoint.ANALYZE, (request, n) -> Reply.json(202, analyzeAnswer(request.body())));
        responders.put(Endpoint.STATUS, (request, n) -> Reply.json(200, statusAnswer(request.lastSegment(), "completed")));
        responders.put(Endpoint.RESULTS, (request, n) -> Reply.json(200, results("1.0.0")));
        server.start();
    }

    static StubVscanServer start() {
        return new StubVscanServer();
    }

    /** {@code http://127.0.0.1:<port>/api/extensions}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    /**
     * A client configuration aimed at this stub, on {@code time}, with no pacing and immediate
     * retries, so a test sees only the behaviour it sets up.
     */
    VscanClientConfig.Builder config(ManualTime time) {
        return VscanClientConfig.builder()
                .baseUrl(baseUrl())
                .clock(time)
                .sleeper(time)
                .pacingDelay(java.time.Duration.ZERO)
                .retryPolicy(RetryPolicy.builder().seed(1).build());
    }

    /** Answers {@code endpoint} with {@code responder} from now on. */
    StubVscanServer on(Endpoint endpoint, Responder responder) {
        responders.put(endpoint, responder);
        return this;
    }

    /** Answers the n-th call of {@code endpoint} with the n-th reply; the last one repeats. */
    StubVscanServer script(Endpoint endpoint, Reply... replies) {
        List<Reply> list = List.copyOf(Arrays.asList(replies));
        return on(endpoint, (request, n) -> list.get(Math.min(n, list.size() - 1)));
    }

    /** Every request received, in arrival order. */
    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Requests received for {@code endpoint}. */
    long count(Endpoint endpoint) {
        return requests.stream().filter(r -> r.endpoint() == endpoint).count();
    }

    /** Answers sent with {@code status} (headers written). */
    long sent(int status) {
        return sentStatuses.get(status);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Endpoint endpoint = endpointOf(exchange.getRequestMethod(), path);
        byte[] body = exchange.getRequestBody().readAllBytes();
        var recorded = new Recorded(
                endpoint,
                exchange.getRequestMethod(),
                path,
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                System.nanoTime());
        requests.add(recorded);
        try (exchange) {
            if (endpoint == null) {
                send(exchange, Reply.json(404, "{\"error\":\"no such endpoint\"}"));
                return;
            }
            int n = calls.get(endpoint).getAndIncrement();
            send(exchange, responders.get(endpoint).reply(recorded, n));
        } catch (IOException e) {
            // The client went away mid-answer (size cap, timeout): that is what some tests do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Endpoint endpointOf(String method, String path) {
        if (!path.startsWith(BASE_PATH + "/")) {
            return null;
        }
        String rest = path.substring(BASE_PATH.length());
        if (method.equals("POST") && rest.equals("/analyze")) {
            return Endpoint.ANALYZE;
        }
        if (method.equals("GET") && rest.startsWith("/status/") && rest.length() > 8) {
            return Endpoint.STATUS;
        }
        if (method.equals("GET") && rest.startsWith("/results/") && rest.length() > 9) {
            return Endpoint.RESULTS;
        }
        return null;
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        switch (reply) {
            case Reply.Json json -> {
                json.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
                sentStatuses.incrementAndGet(json.status());
                exchange.sendResponseHeaders(json.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
            case Reply.Stream stream -> {
                sentStatuses.incrementAndGet(stream.status());
                exchange.sendResponseHeaders(stream.status(), stream.declareLength() ? stream.bytes() : 0);
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                OutputStream out = exchange.getResponseBody();
                for (long left = stream.bytes(); left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
            case Reply.Hang hang -> closing.await();
            case Reply.Truncate truncate -> {
                sentStatuses.incrementAndGet(200);
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write("{\"analysisId\":".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                // Closing short of the declared length drops the connection mid-body.
            }
        }
    }

    private static String analyzeAnswer(String requestBody) {
        JsonNode request = Json.MAPPER.readTree(requestBody);
        String id = request.path("publisher").asString("") + "." + request.path("name").asString("") + "-id";
        return Json.MAPPER.createObjectNode()
                .put("analysisId", id)
                .put("status", "pending")
                .put("message", "queued")
                .toString();
    }

    static String statusAnswer(String analysisId, String status) {
        return Json.MAPPER.createObjectNode()
                .put("analysisId", analysisId)
                .put("status", status)
                .put("progress", status.equals("completed") ? 100 : 40)
                .put("updatedAt", "2025-10-01T12:00:00Z")
                .toString();
    }

    static String results(String version) {
        return """
                {"extensionInfo":{"name":"x","version":"%s"},
                 "securityScore":{"score":82,"riskLevel":"high","notes":[]},
                 "analysisModules":{"dependencies":{"vulnerabilities":{"summary":
                   {"total":2,"critical":0,"high":1,"moderate":1,"low":0,"info":0}}}},
                 "analysisTimestamp":"2025-10-01T12:00:00Z","hasErrors":false}""".formatted(version);
    }

    /** What the stub received. */
    record Recorded(
            Endpoint endpoint,
            String method,
            String rawPath,
            String body,
            String userAgent,
            String accept,
            String contentType,
            long arrivalNanos) {

        /** The last path segment, still percent-encoded. */
        String lastSegment() {
            return rawPath.substring(rawPath.lastIndexOf('/') + 1);
        }
    }

    /** Chooses the reply to the {@code n}-th (0-based) request of an endpoint. */
    @FunctionalInterface
    interface Responder {
        Reply reply(Recorded request, int n);
    }

    /** One scripted answer. */
    sealed interface Reply {

        static Reply json(int status, String body) {
            return new Json(status, body, Map.of());
        }

        static Reply status(int status) {
            return new Json(status, "{\"error\":\"status " + status + " BODY-MARKER\"}", Map.of());
        }

        static Reply withHeader(int status, String header, String value) {
            return new Json(status, "{\"error\":\"BODY-MARKER\"}", Map.of(header, value));
        }

        static Reply analysisStatus(String status) {
            return json(200, statusAnswer("x", status));
        }

        static Reply stream(int status, long bytes, boolean declareLength) {
            return new Stream(status, bytes, declareLength);
        }

        static Reply hang() {
            return new Hang();
        }

        static Reply truncate() {
            return new Truncate();
        }

        record Json(int status, String body, Map<String, String> headers) implements Reply {}

        record Stream(int status, long bytes, boolean declareLength) implements Reply {}

        record Hang() implements Reply {}

        record Truncate() implements Reply {}
    }

    /** The statuses sent, as a list of (status, count), for failure messages. */
    @Override
    public String toString() {
        var out = new ArrayList<String>();
        for (int s = 0; s < 1000; s++) {
            if (sentStatuses.get(s) > 0) {
                out.add(s + "x" + sentStatuses.get(s));
            }
        }
        return "StubVscanServer" + out;
    }
}
