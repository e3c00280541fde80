package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries over real HTTP: what is retried, how often, after how long, and how it is counted. */
class RetryTest {

    private static final ExtensionId ID = ExtensionId.parse("ms-azuretools.vscode-docker");

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();
    private final ManualTime time = new ManualTime();


    private static void assertWithin(Duration nominal, double jitter, Duration actual) {
        long low = Math.round(nominal.toNanos() * (1 - jitter));
        long high = Math.round(nominal.toNanos() * (1 + jitter));
        assertTrue(actual.toNanos() >= low && actual.toNanos() <= high, actual + " not within " + nominal + " ±" + jitter);
    }

    @Test
    void transientServerErrorsAreRetriedWithJitteredExponentialBackoff() throws Exception {
        stub.script(Endpoint.STATUS, Reply.status(503), Reply.status(502), Reply.status(504), Reply.analysisStatus("completed"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var result = client.scan(ID);

            assertEquals(6, result.timings().attempts());
            assertEquals(3, result.timings().retries());
            assertEquals(4, result.timings().polls());
            var sleeps = time.sleeps();
            assertEquals(3, sleeps.size());
            assertWithin(Duration.ofSeconds(2), 0.2, sleeps.get(0));
            assertWithin(Duration.ofSeconds(4), 0.2, sleeps.get(1));
            assertWithin(Duration.ofSeconds(8), 0.2, sleeps.get(2));
            var stats = client.stats();
            assertEquals(6, stats.requests());
            assertEquals(3, stats.retries());
            assertEquals(3, stats.http5xx());
            assertEquals(stub.requests().size(), stats.requests());
        }
    }

    @Test
    void afterMaxRetriesTheLastFailureIsReported() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.status(503));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var e = assertThrows(ServerErrorException.class, () -> client.scan(ID));
            assertEquals(503, e.httpStatus().orElseThrow());
            assertEquals(4, stub.count(Endpoint.ANALYZE), "1 attempt + 3 retries");
            assertEquals(4, client.stats().requests());
            assertEquals(3, client.stats().retries());
            assertEquals(4, client.stats().responses(503));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500})
    void permanentFailuresAreNeverRetried(int status) throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.status(status));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var e = assertThrows(VscanException.class, () -> client.scan(ID));
            assertEquals(status, e.httpStatus().orElseThrow());
            assertEquals(1, stub.count(Endpoint.ANALYZE));
            assertEquals(0, client.stats().retries());
            assertEquals(List.of(), time.sleeps());
        }
    }

    @Test
    void retryAfterInSecondsWinsOverTheBackoffAndEvery429IsCountedEvenWhenARetrySucceeds() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.withHeader(429, "Retry-After", "7"), Reply.withHeader(429, "Retry-After", "1"),
                Reply.json(202, "{\"analysisId\":\"x\"}"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var result = client.scan(ID);

            assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(1)), time.sleeps());
            assertEquals(2, result.timings().http429());
            assertEquals(2, result.timings().retries());
            assertEquals(2, client.stats().http429());
            assertEquals(2, client.stats().responses(429));
            assertEquals(stub.sent(429), client.stats().http429());
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeFromNowToThatDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
        stub.script(Endpoint.RESULTS, Reply.withHeader(429, "Retry-After", date), Reply.json(200, StubVscanServer.results("2.0")));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            assertEquals("2.0", client.scan(ID).analysis().version());
        }
        assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps());
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCapped() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.withHeader(429, "Retry-After", "600"), Reply.json(202, "{\"analysisId\":\"x\"}"));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            client.scan(ID);
        }
        assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps());
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndFailsAsRateLimitedWhenRetriesRunOut() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.status(429));
        try (var client = new HttpVscanClient(stub.config(time).build())) {
            var e = assertThrows(RateLimitedException.class, () -> client.scan(ID));
            assertTrue(e.retryAfter().isEmpty());
            assertEquals(4, client.stats().http429());
            assertEquals(3, client.stats().retries());
        }
        assertEquals(3, time.sleeps().size());
        assertWithin(Duration.ofSeconds(2), 0.2, time.sleeps().getFirst());
    }

    @Test
    void backoffAndRetryAfterAreTimeScaled() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.withHeader(429, "Retry-After", "7"), Reply.status(503),
                Reply.json(202, "{\"analysisId\":\"x\"}"));
        var config = stub.config(time)
                .timeScale(new TimeScale(0.1))
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build();
        try (var client = new HttpVscanClient(config)) {
            client.scan(ID);
        }
        assertEquals(List.of(Duration.ofMillis(700), Duration.ofMillis(400)), time.sleeps());
    }

    @Test
    void requestTimeoutsAndDroppedConnectionsAreRetried() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.hang(), Reply.truncate(), Reply.json(202, "{\"analysisId\":\"x\"}"));
        var config = stub.config(time).requestTimeout(Duration.ofMillis(300)).build();
        try (var client = new HttpVscanClient(config)) {
            var result = client.scan(ID);
            assertEquals(2, result.timings().retries());
            var stats = client.stats();
            assertEquals(1, stats.timeouts());
            assertEquals(1, stats.networkErrors());
            assertEquals(5, stats.requests());
            assertEquals(stub.requests().size(), stats.requests());
        }
    }
}
