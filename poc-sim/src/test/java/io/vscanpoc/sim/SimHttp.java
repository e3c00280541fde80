package io.vscanpoc.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain java.net.http client for the tests, written from the API document rather than shared with
 * anything in the simulator: it builds paths and bodies by hand and parses answers itself.
 */
final class SimHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration timeout;

    SimHttp(VscanSimulator simulator) {
        this(simulator.baseUrl(), Duration.ofSeconds(20));
    }

    SimHttp(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    HttpResponse<String> analyze(String publisher, String name) {
        return post("/analyze", "{\"publisher\":\"" + publisher + "\",\"name\":\"" + name + "\"}");
    }

    HttpResponse<String> status(String id) {
        return get("/status/" + id);
    }

    HttpResponse<String> results(String id) {
        return get("/results/" + id);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("User-Agent", "sim-test/1.0 (+https://example.invalid)")
                .header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** Submits and returns the analysis ID. */
    String submit(String extensionId) {
        int dot = extensionId.indexOf('.');
        HttpResponse<String> response = analyze(extensionId.substring(0, dot), extensionId.substring(dot + 1));
        if (response.statusCode() != 202) {
            throw new AssertionError("analyze " + extensionId + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).get("analysisId").stringValue();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
