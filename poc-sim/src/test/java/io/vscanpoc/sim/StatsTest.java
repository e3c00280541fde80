package io.vscanpoc.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ground truth over the Java API and over HTTP, and that it accounts for every request. */
class StatsTest {

    private static final Set<String> KEYS = Set.of("requests", "requestsByEndpoint", "http429", "http5xx",
            "faultsInjected", "maxInFlight", "analysesStarted");

    private static VscanSimulator start() {
        return VscanSimulator.start(SimulatorProfile.IDEAL.builder()
                .latency(Duration.ZERO)
                .timeScale(0.001)
                .onDemandIds(Set.of("fresh.one"))
                .rateLimit(0.001, 12)
                .build());
    }

    @Test
    void statsEndpointHasExactlyTheDocumentedKeysAndMatchesTheJavaApi() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            http.results(http.submit("ms-python.python"));
            JsonNode stats = fetchStats(http, sim);
            assertEquals(KEYS, Set.copyOf(stats.propertyNames()));
            assertEquals(Set.of("analyze", "status", "results"), Set.copyOf(stats.get("requestsByEndpoint").propertyNames()));
            assertEquals(sim.stats(), SimHttp.JSON.treeToValue(stats, SimulatorStats.class));
            assertEquals(2, stats.get("requests").intValue(), "reading the stats is not counted");
            fetchStats(http, sim);
            assertEquals(2, sim.stats().requests());
        }
    }

    @Test
    void jacksonWritesTheRecordWithExactlyTheseKeysAndReadsItBack() {
        var stats = new SimulatorStats(10, new SimulatorStats.EndpointCounts(3, 4, 2), 1, 2, 3, 4, 5);
        JsonNode tree = SimHttp.JSON.valueToTree(stats);
        assertEquals(KEYS, Set.copyOf(tree.propertyNames()));
        assertEquals(Set.of("analyze", "status", "results"), Set.copyOf(tree.get("requestsByEndpoint").propertyNames()));
        assertEquals(stats, SimHttp.JSON.readValue(SimHttp.JSON.writeValueAsString(stats), SimulatorStats.class));
    }

    @Test
    void minusGivesPerScenarioDeltas() {
        var earlier = new SimulatorStats(10, new SimulatorStats.EndpointCounts(3, 4, 2), 1, 2, 3, 4, 5);
        var later = new SimulatorStats(25, new SimulatorStats.EndpointCounts(8, 10, 6), 4, 3, 5, 2, 7);
        assertEquals(new SimulatorStats(15, new SimulatorStats.EndpointCounts(5, 6, 4), 3, 1, 2, 2, 2),
                later.minus(earlier));
        assertEquals(SimulatorStats.ZERO.requestsByEndpoint(), later.minus(later).requestsByEndpoint());
    }

    @Test
    void everyRequestATestMadeIsAccountedFor() {
        try (var sim = start()) {
            var client = new CountingClient(new SimHttp(sim));
            String id = SimHttp.json(client.call(Endpoint.ANALYZE, h -> h.analyze("ms-python", "python")))
                    .get("analysisId").stringValue();
            sim.script(Fault.httpError(502), Fault.truncatedJson());
            for (int i = 0; i < 3; i++) {
                client.call(Endpoint.STATUS, h -> h.status(id));
            }
            client.call(Endpoint.RESULTS, h -> h.results(id));
            client.call(Endpoint.ANALYZE, h -> h.analyze("no-such-publisher", "x"));
            client.call(Endpoint.ANALYZE, h -> h.post("/analyze", "{broken"));
            client.call(Endpoint.STATUS, h -> h.get("/status/not-a-uuid"));
            client.call(null, h -> h.get("/elsewhere"));
            String fresh = SimHttp.json(client.call(Endpoint.ANALYZE, h -> h.analyze("fresh", "one")))
                    .get("analysisId").stringValue();
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> client.call(Endpoint.RESULTS, h -> h.results(fresh)).statusCode() != 409);
            // Burst 12 and next to no refill: whatever is left of the bucket runs dry here.
            for (int i = 0; i < 12; i++) {
                client.call(Endpoint.STATUS, h -> h.status(id));
            }

            SimulatorStats stats = sim.stats();
            assertEquals(client.total, stats.requests());
            assertEquals(new SimulatorStats.EndpointCounts(client.analyze, client.status, client.results),
                    stats.requestsByEndpoint());
            assertEquals(client.total, sim.recordedRequests().size(), "the request log saw the same");
            assertEquals(client.seen429, stats.http429());
            assertEquals(client.seen5xx, stats.http5xx());
            assertEquals(1, client.seen5xx);
            assertEquals(true, client.seen429 > 0, "the test reached the rate limit");
            assertEquals(2, stats.faultsInjected());
            assertEquals(1, stats.analysesStarted());
        }
    }

    /** Counts what it sends and what comes back, as a client checking itself against ground truth would. */
    private static final class CountingClient {
        private final SimHttp http;
        int total;
        int analyze;
        int status;
        int results;
        int seen429;
        int seen5xx;

        CountingClient(SimHttp http) {
            this.http = http;
        }

        java.net.http.HttpResponse<String> call(Endpoint endpoint,
                java.util.function.Function<SimHttp, java.net.http.HttpResponse<String>> request) {
            var response = request.apply(http);
            total++;
            if (endpoint != null) {
                switch (endpoint) {
                    case ANALYZE -> analyze++;
                    case STATUS -> status++;
                    case RESULTS -> results++;
                }
            }
            seen429 += response.statusCode() == 429 ? 1 : 0;
            seen5xx += response.statusCode() >= 500 ? 1 : 0;
            return response;
        }
    }

    @Test
    void maxInFlightIsAHighWaterMarkThatCanBeRestarted() {
        try (var sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder()
                .latency(Endpoint.STATUS, DurationDistribution.fixed(Duration.ofMillis(300)))
                .latency(Endpoint.ANALYZE, DurationDistribution.ZERO)
                .build())) {
            var http = new SimHttp(sim);
            String id = http.submit("ms-python.python");
            var calls = List.of(CompletableFuture.runAsync(() -> http.status(id)),
                    CompletableFuture.runAsync(() -> http.status(id)),
                    CompletableFuture.runAsync(() -> http.status(id)));
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().maxInFlight() == 3);
            calls.forEach(CompletableFuture::join);
            assertEquals(3, sim.stats().maxInFlight());
            sim.resetMaxInFlight();
            assertEquals(0, sim.stats().maxInFlight());
            http.submit("ms-python.python");
            assertEquals(1, sim.stats().maxInFlight());
        }
    }

    @Test
    void resetOverHttpZeroesTheCounters() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            http.submit("ms-python.python");
            var reset = http.send(java.net.http.HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + sim.port() + "/__sim/reset")).POST(
                    java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(204, reset.statusCode());
            assertEquals(SimulatorStats.ZERO, sim.stats());
        }
    }

    private static JsonNode fetchStats(SimHttp http, VscanSimulator sim) {
        var response = http.send(java.net.http.HttpRequest.newBuilder(sim.statsUrl()).GET().build());
        assertEquals(200, response.statusCode());
        return SimHttp.json(response);
    }
}
