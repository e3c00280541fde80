package io.vscanpoc.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Every fault kind, as a plain java.net.http client over 127.0.0.1 sees it. */
class FaultsTest {

    private static final String POPULAR = "ms-python.python";
    private static final String FRESH = "someone.fresh";

    private VscanSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        // 30-45 vscan seconds of analysis are 30-45 ms here.
        sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder()
                .latency(Duration.ZERO)
                .timeScale(0.001)
                .onDemandIds(Set.of(FRESH))
                .analysisTime(DurationDistribution.uniform(Duration.ofSeconds(30), Duration.ofSeconds(45)))
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrors(int status) {
        String id = http.submit(POPULAR);
        sim.script(Fault.httpError(status));
        var response = http.results(id);
        assertEquals(status, response.statusCode());
        assertTrue(SimHttp.json(response).get("error").isString());
        assertEquals(200, http.results(id).statusCode(), "a script entry is used once");
        assertEquals(1, sim.stats().http5xx());
        assertEquals(1, sim.stats().faultsInjected());
    }

    @Test
    void aFailedSubmitStartsNoAnalysis() {
        sim.script(Fault.httpError(503));
        assertEquals(503, http.analyze("someone", "fresh").statusCode());
        assertEquals(0, sim.stats().analysesStarted());
    }

    @Test
    void delayBeyondTheClientTimeout() {
        String id = http.submit(POPULAR);
        // 20 vscan minutes are 1.2 real seconds at this scale; the client gives up after 150 ms.
        sim.script(Fault.delay(Duration.ofMinutes(20)));
        var impatient = new SimHttp(sim.baseUrl(), Duration.ofMillis(150));
        var thrown = assertThrows(UncheckedIOException.class, () -> impatient.status(id));
        assertInstanceOf(HttpTimeoutException.class, thrown.getCause());
        assertEquals(200, http.status(id).statusCode(), "the next request is served normally");
    }

    @Test
    void connectionClosedBeforeAnyResponse() {
        String id = http.submit(POPULAR);
        // Two, because java.net.http silently resends a GET once when a reused keep-alive connection
        // closes before any response byte: the second attempt, on a new connection, fails for real.
        sim.script(Fault.closeBeforeResponse(), Fault.closeBeforeResponse());
        var thrown = assertThrows(UncheckedIOException.class, () -> http.status(id));
        assertFalse(thrown.getCause() instanceof HttpTimeoutException);
        assertEquals(2 - sim.pendingFaults(), sim.stats().requestsByEndpoint().status());
        assertEquals(200, http.status(new SimHttp(sim).submit(POPULAR)).statusCode());
    }

    @Test
    void theJdkClientResendsAGetWhoseReusedConnectionClosedEarlyAndTheSimulatorCountsBoth() {
        String id = http.submit(POPULAR);
        sim.script(Fault.closeBeforeResponse());
        // One call, one answer, two requests on the wire: a client that counts its own sends must
        // know this, or its request count will not match the simulator's.
        assertEquals(200, http.status(id).statusCode());
        assertEquals(2, sim.stats().requestsByEndpoint().status());
        assertEquals(1, sim.stats().faultsInjected());
    }

    @Test
    void connectionClosedMidBody() {
        String id = http.submit(POPULAR);
        sim.scriptFor(Endpoint.RESULTS, Fault.closeMidBody());
        var thrown = assertThrows(UncheckedIOException.class, () -> http.results(id));
        assertFalse(thrown.getCause() instanceof HttpTimeoutException);
        assertTrue(thrown.getCause().getMessage().contains("content-length"), thrown.getCause().getMessage());
        assertEquals(200, http.results(id).statusCode());
    }

    @Test
    void aSubmitCutMidBodyHasStillStartedItsAnalysis() {
        sim.script(Fault.closeMidBody());
        assertThrows(UncheckedIOException.class, () -> http.analyze("someone", "fresh"));
        assertEquals(1, sim.stats().analysesStarted());
    }

    @Test
    void truncatedJson() {
        String id = http.submit(POPULAR);
        String whole = http.results(id).body();
        sim.script(Fault.truncatedJson());
        var response = http.results(id);
        assertEquals(200, response.statusCode());
        assertEquals(whole.substring(0, whole.length() / 2), response.body());
        assertThrows(JacksonException.class, () -> SimHttp.JSON.readTree(response.body()));
    }

    @Test
    void wrongTypesInResultsAndStatus() {
        String id = http.submit(POPULAR);
        sim.script(Fault.wrongTypes(), Fault.wrongTypes());
        JsonNode report = SimHttp.json(http.results(id));
        assertTrue(report.at("/securityScore/score").isString());
        assertTrue(report.at("/securityScore/riskLevel").isNumber());
        assertTrue(report.at("/extensionInfo/version").isNumber());
        assertTrue(report.at("/analysisModules/dependencies/vulnerabilities/summary/total").isString());
        JsonNode status = SimHttp.json(http.status(id));
        assertTrue(status.get("progress").isString());
        assertTrue(status.get("status").isNumber());
    }

    @Test
    void htmlErrorPage() {
        String id = http.submit(POPULAR);
        sim.script(Fault.htmlErrorPage());
        var response = http.results(id);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void oversizeBodyIsStreamedInFull() throws IOException {
        String id = http.submit(POPULAR);
        long size = 50L * 1024 * 1024;
        sim.script(Fault.oversizeBody(size));
        HttpResponse<InputStream> response;
        try {
            response = http.client().send(http.request("/results/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Length").isEmpty(), "chunked, no length up front");
        long total = 0;
        byte[] head = new byte[12];
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            int n = in.readNBytes(head, 0, head.length);
            total += n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
        }
        assertEquals("{\"padding\":\"", new String(head, StandardCharsets.US_ASCII));
        assertEquals(size, total);
    }

    @Test
    void aClientThatStopsReadingAnOversizeBodyDoesNotHurtTheServer() throws Exception {
        String id = http.submit(POPULAR);
        sim.script(Fault.oversizeBody(50L * 1024 * 1024));
        var response = http.client().send(http.request("/results/" + id).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.readNBytes(1024);
        }
        assertEquals(200, http.results(id).statusCode());
    }

    @Test
    void analysisThatFails() {
        sim.scriptFor(FRESH, Fault.analysisFails());
        String id = http.submit(FRESH);
        await().atMost(Duration.ofSeconds(5)).until(() -> phase(id).equals("failed"));
        assertEquals(409, http.results(id).statusCode());
        String retry = http.submit(FRESH);
        await().atMost(Duration.ofSeconds(5)).until(() -> phase(retry).equals("completed"));
        assertEquals(2, sim.stats().analysesStarted(), "a failed analysis leaves nothing cached");
    }

    @Test
    void aPollCanTurnACompletedAnalysisIntoAFailedOne() {
        String id = http.submit(POPULAR);
        sim.scriptFor(POPULAR, Fault.analysisFails());
        assertEquals("failed", phase(id));
        assertEquals("failed", phase(id), "from then on");
    }

    @Test
    void analysisThatNeverCompletes() {
        sim.scriptFor(Endpoint.ANALYZE, Fault.analysisNeverCompletes());
        String id = http.submit(FRESH);
        // 400 ms here is 400 vscan seconds, ten times the longest analysis.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3))
                .until(() -> Set.of("pending", "analyzing").contains(phase(id)));
        assertEquals(409, http.results(id).statusCode());
        int progress = SimHttp.json(http.status(id)).get("progress").intValue();
        assertTrue(progress > 0 && progress < 100, "progress " + progress);
    }

    @Test
    void scriptedRateLimitWithEitherRetryAfterForm() {
        String id = http.submit(POPULAR);
        sim.script(Fault.rateLimited(Duration.ofSeconds(7)),
                Fault.rateLimitedWithHeader("Wed, 21 Oct 2015 07:28:00 GMT"),
                Fault.rateLimitedWithHeader(null));
        var seconds = http.status(id);
        var date = http.status(id);
        var none = http.status(id);
        assertEquals(429, seconds.statusCode());
        assertEquals("7", seconds.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", date.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(none.headers().firstValue("Retry-After").isEmpty());
        assertEquals(3, sim.stats().http429());
        assertEquals(3, sim.stats().faultsInjected());
    }

    @Test
    void scriptsApplyInOrderAndPerTarget() {
        String popular = http.submit(POPULAR);
        String other = http.submit("esbenp.prettier-vscode");
        sim.scriptFor("MS-PYTHON.python", Fault.httpError(502));
        sim.scriptFor(Endpoint.RESULTS, Fault.httpError(504));
        sim.script(Fault.httpError(500), Fault.httpError(503));
        assertEquals(4, sim.pendingFaults());
        assertEquals(500, http.status(other).statusCode(), "next-request queue, in order");
        assertEquals(502, http.status(popular).statusCode(), "the extension's queue comes first");
        assertEquals(504, http.results(other).statusCode(), "then the endpoint's");
        assertEquals(503, http.results(other).statusCode());
        assertEquals(200, http.results(other).statusCode());
        assertEquals(0, sim.pendingFaults());
    }

    private String phase(String id) {
        return SimHttp.json(http.status(id)).get("status").stringValue();
    }
}
