package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.BuildInfo;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.error.AnalysisFailedException;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.internal.Json;
import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The submit/poll/fetch workflow against a stub over real HTTP on loopback. */
class HttpVscanClientTest {

    private static final ExtensionId ID = ExtensionId.parse("ms-python.python");

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();
    private final ManualTime time = new ManualTime();


    @Test
    void submitsPollsAndFetchesWithTheDocumentedHeaders() throws Exception {
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var result = client.scan(ID);

            assertFalse(result.fromCache());
            assertEquals("1.0.0", result.analysis().version());
            assertEquals(RiskLevel.HIGH, result.analysis().riskLevel());
            var requests = stub.requests();
            assertEquals(List.of(Endpoint.ANALYZE, Endpoint.STATUS, Endpoint.RESULTS),
                    requests.stream().map(StubVscanServer.Recorded::endpoint).toList());
            var submit = requests.getFirst();
            var body = Json.MAPPER.readTree(submit.body());
            assertEquals("ms-python", body.get("publisher").stringValue());
            assertEquals("python", body.get("name").stringValue());
            assertEquals("application/json", submit.contentType());
            for (var request : requests) {
                assertEquals(BuildInfo.userAgent(), request.userAgent());
                assertTrue(request.userAgent().matches("vscan-poc/\\S+ \\(\\+https?://\\S+\\)"), request.userAgent());
                assertEquals("application/json", request.accept());
            }
            assertEquals(StubVscanServer.BASE_PATH + "/status/ms-python.python-id", requests.get(1).rawPath());
            assertEquals(StubVscanServer.BASE_PATH + "/results/ms-python.python-id", requests.get(2).rawPath());

            var timings = result.timings();
            assertEquals(1, timings.polls());
            assertEquals(3, timings.attempts());
            assertEquals(0, timings.retries());
            assertEquals(0, timings.http429());
            assertEquals(List.of(), time.sleeps(), "a completed first poll means no wait at all");

            var stats = client.stats();
            assertEquals(3, stats.requests());
            assertEquals(1, stats.requests(Endpoint.ANALYZE));
            assertEquals(1, stats.requests(Endpoint.STATUS));
            assertEquals(1, stats.requests(Endpoint.RESULTS));
            assertEquals(1, stats.responses(202));
            assertEquals(2, stats.responses(200));
        }
    }

    @Test
    void acceptsA200SubmitAnswer() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.json(200, "{\"analysisId\":\"abc\",\"status\":\"completed\"}"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            assertEquals("1.0.0", client.scan(ID).analysis().version());
            assertEquals(StubVscanServer.BASE_PATH + "/status/abc", stub.requests().get(1).rawPath());
        }
    }

    @Test
    void percentEncodesTheAnalysisIdInPaths() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.json(202, "{\"analysisId\":\"a/b c?d#e%f+ü\"}"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            client.scan(ID);
        }
        assertEquals(StubVscanServer.BASE_PATH + "/status/a%2Fb%20c%3Fd%23e%25f%2B%C3%BC", stub.requests().get(1).rawPath());
        assertEquals(StubVscanServer.BASE_PATH + "/results/a%2Fb%20c%3Fd%23e%25f%2B%C3%BC", stub.requests().get(2).rawPath());
    }

    @Test
    void pollsImmediatelyThenAtAGrowingIntervalUpToItsCap() throws Exception {
        stub.script(Endpoint.STATUS,
                Reply.analysisStatus("pending"), Reply.analysisStatus("analyzing"), Reply.analysisStatus("queued"),
                Reply.analysisStatus("analyzing"), Reply.analysisStatus("pending"), Reply.analysisStatus("completed"));
        var config = stub.config(time)
                .pollInterval(Duration.ofSeconds(2))
                .pollIntervalGrowth(1.5)
                .maxPollInterval(Duration.ofSeconds(5))
                .build();
        try (var client = new HttpVscanClient(config)) {
            var result = client.scan(ID);
            assertEquals(6, result.timings().polls());
            assertEquals(8, result.timings().attempts());
        }
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), time.sleeps());
    }

    @Test
    void pacingDelaysTheFirstPollButNoPollIntervalDoes() throws Exception {
        var config = stub.config(time).pacingDelay(Duration.ofMillis(1500)).build();
        try (var client = new HttpVscanClient(config)) {
            client.scan(ID);
        }
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(1500)), time.sleeps());
    }

    @Test
    void failsAsAnAnalysisTimeoutOnceMaxWaitHasPassedAndFetchesNothing() throws Exception {
        stub.script(Endpoint.STATUS, Reply.analysisStatus("analyzing"));
        var config = stub.config(time).maxWait(Duration.ofSeconds(30)).build();
        try (var client = new HttpVscanClient(config)) {
            var e = assertThrows(ScanTimeoutException.class, () -> client.scan(ID));
            assertEquals(ScanTimeoutException.Phase.ANALYSIS, e.phase());
            assertEquals(ErrorCategory.TIMEOUT, e.category());
            assertFalse(e.retryable());
        }
        // Polls at 0, 2, 5, 9.5, 14.5, 19.5, 24.5, 29.5 and a last one at exactly 30 s.
        assertEquals(9, stub.count(Endpoint.STATUS));
        assertEquals(0, stub.count(Endpoint.RESULTS));
        assertEquals(Duration.ofSeconds(30), time.slept());
    }

    @Test
    void maxWaitAndPollIntervalAreTimeScaled() throws Exception {
        stub.script(Endpoint.STATUS, Reply.analysisStatus("analyzing"));
        var config = stub.config(time)
                .maxWait(Duration.ofSeconds(30))
                .timeScale(new TimeScale(0.01))
                .build();
        try (var client = new HttpVscanClient(config)) {
            assertThrows(ScanTimeoutException.class, () -> client.scan(ID));
        }
        assertEquals(9, stub.count(Endpoint.STATUS));
        assertEquals(Duration.ofMillis(20), time.sleeps().getFirst());
        assertEquals(Duration.ofMillis(300), time.slept());
    }

    @Test
    void aFailedAnalysisIsAnalysisFailedAndNotRetried() throws Exception {
        stub.script(Endpoint.STATUS, Reply.analysisStatus("analyzing"),
                Reply.json(200, "{\"status\":\"failed\",\"message\":\"BODY-MARKER crashed\"}"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var e = assertThrows(AnalysisFailedException.class, () -> client.scan(ID));
            assertEquals(ErrorCategory.ANALYSIS_FAILED, e.category());
            assertFalse(e.getMessage().contains("BODY-MARKER"));
        }
        assertEquals(2, stub.count(Endpoint.STATUS));
        assertEquals(0, stub.count(Endpoint.RESULTS));
    }

    static Stream<Arguments> unparseableAnswers() {
        return Stream.of(
                Arguments.of(Endpoint.ANALYZE, Reply.json(202, "BODY-MARKER not json")),
                Arguments.of(Endpoint.ANALYZE, Reply.json(202, "{\"status\":\"BODY-MARKER\"}")),
                Arguments.of(Endpoint.ANALYZE, Reply.json(202, "{\"analysisId\":42}")),
                Arguments.of(Endpoint.ANALYZE, Reply.json(202, "")),
                Arguments.of(Endpoint.STATUS, Reply.json(200, "[\"BODY-MARKER\"]")),
                Arguments.of(Endpoint.STATUS, Reply.json(200, "{\"progress\":100}")),
                Arguments.of(Endpoint.RESULTS, Reply.json(200, "{\"extensionInfo\":{\"version\":\"BODY-MARKER\"}}")),
                Arguments.of(Endpoint.RESULTS, Reply.json(200, "<html>BODY-MARKER</html>")));
    }

    @ParameterizedTest
    @MethodSource("unparseableAnswers")
    void anUnparseableAnswerAtAnyStepIsMalformedAndNotRetried(Endpoint step, Reply answer) throws Exception {
        stub.script(step, answer);
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var e = assertThrows(MalformedResponseException.class, () -> client.scan(ID));
            assertEquals(ErrorCategory.MALFORMED_RESPONSE, e.category());
            assertFalse(e.getMessage().contains("MARKER"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(1, stub.count(step), "not retried");
            for (var later : Endpoint.values()) {
                if (later.ordinal() > step.ordinal()) {
                    assertEquals(0, stub.count(later), "nothing sent after the malformed step");
                }
            }
        }
    }

    @Test
    void theScanDurationsAddUpOnTheInjectedClock() throws Exception {
        stub.script(Endpoint.STATUS, Reply.analysisStatus("analyzing"), Reply.analysisStatus("completed"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var timings = client.scan(ID).timings();
            assertEquals(Duration.ZERO, timings.submit());
            assertEquals(Duration.ofSeconds(2), timings.polling());
            assertEquals(Duration.ZERO, timings.fetch());
            assertEquals(2, timings.polls());
        }
    }

}
