package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.client.internal.TransportFailures;
import io.vscanpoc.core.error.ClientErrorException;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.NotFoundException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each cause maps to exactly one exception type (and so one category), with the status kept and no
 * body in the message. Retries are off here so every case is one attempt.
 */
class ErrorMappingTest {

    private static final ExtensionId ID = ExtensionId.parse("esbenp.prettier-vscode");

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();
    private final ManualTime time = new ManualTime();


    private HttpVscanClient client() {
        return new HttpVscanClient(stub.config(time).retryPolicy(RetryPolicy.none()).build());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(429, RateLimitedException.class, ErrorCategory.RATE_LIMITED),
                Arguments.of(404, NotFoundException.class, ErrorCategory.NOT_FOUND),
                Arguments.of(400, ClientErrorException.class, ErrorCategory.CLIENT_ERROR),
                Arguments.of(401, ClientErrorException.class, ErrorCategory.CLIENT_ERROR),
                Arguments.of(403, ClientErrorException.class, ErrorCategory.CLIENT_ERROR),
                Arguments.of(409, ClientErrorException.class, ErrorCategory.CLIENT_ERROR),
                Arguments.of(418, ClientErrorException.class, ErrorCategory.CLIENT_ERROR),
                Arguments.of(500, ServerErrorException.class, ErrorCategory.SERVER_ERROR),
                Arguments.of(502, ServerErrorException.class, ErrorCategory.SERVER_ERROR),
                Arguments.of(503, ServerErrorException.class, ErrorCategory.SERVER_ERROR),
                Arguments.of(504, ServerErrorException.class, ErrorCategory.SERVER_ERROR),
                Arguments.of(599, ServerErrorException.class, ErrorCategory.SERVER_ERROR),
                Arguments.of(302, MalformedResponseException.class, ErrorCategory.MALFORMED_RESPONSE),
                Arguments.of(301, MalformedResponseException.class, ErrorCategory.MALFORMED_RESPONSE));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void eachStatusBecomesItsOwnTypeWithTheStatusKept(
            int status, Class<? extends VscanException> type, ErrorCategory category) throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.status(status));
        try (var client = client()) {
            var e = assertThrows(type, () -> client.scan(ID));
            assertEquals(category, e.category());
            assertEquals(status, e.httpStatus().orElseThrow());
            assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
            assertFalse(e.getMessage().contains("BODY-MARKER"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(1, client.stats().responses(status));
        }
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void theMappingIsTheSameAtEveryStep(Endpoint step) throws Exception {
        stub.script(step, Reply.status(503));
        try (var client = client()) {
            var e = assertThrows(ServerErrorException.class, () -> client.scan(ID));
            assertTrue(e.getMessage().contains(step.toString()), e.getMessage());
            assertEquals(503, e.httpStatus().orElseThrow());
        }
    }

    @Test
    void anErrorBodyOfAnySizeIsNotReadIntoMemoryOrTheMessage() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.stream(503, 5_000_000, false));
        try (var client = new HttpVscanClient(stub.config(time).retryPolicy(RetryPolicy.none()).maxBodyBytes(1024).build())) {
            var e = assertThrows(ServerErrorException.class, () -> client.scan(ID));
            assertEquals(503, e.httpStatus().orElseThrow());
        }
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsARetryableRequestTimeout() throws Exception {
        stub.script(Endpoint.STATUS, Reply.hang());
        var config = stub.config(time).retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofMillis(300)).build();
        try (var client = new HttpVscanClient(config)) {
            var e = assertThrows(ScanTimeoutException.class, () -> client.scan(ID));
            assertEquals(ScanTimeoutException.Phase.REQUEST, e.phase());
            assertEquals(ErrorCategory.TIMEOUT, e.category());
            assertTrue(e.retryable());
            assertEquals(1, client.stats().timeouts());
            assertEquals(0, client.stats().responses(0));
        }
    }

    @Test
    void aRefusedConnectionIsANetworkError() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var config = stub.config(time)
                .baseUrl(URI.create("http://127.0.0.1:" + port + "/api/extensions"))
                .retryPolicy(RetryPolicy.none())
                .build();
        try (var client = new HttpVscanClient(config)) {
            var e = assertThrows(NetworkException.class, () -> client.scan(ID));
            assertEquals(ErrorCategory.NETWORK, e.category());
            assertTrue(e.retryable());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(1, client.stats().networkErrors());
        }
    }

    @Test
    void aConnectionDroppedMidAnswerIsANetworkError() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.truncate());
        try (var client = client()) {
            var e = assertThrows(NetworkException.class, () -> client.scan(ID));
            assertEquals(ErrorCategory.NETWORK, e.category());
        }
    }

    @Test
    void connectAndRequestTimeoutsFromTheJdkAreRequestTimeoutsHoweverWrapped() {
        var timeout = Duration.ofSeconds(30);
        var connect = TransportFailures.classify(
                new IOException("wrapped", new HttpConnectTimeoutException("HTTP connect timed out")),
                Endpoint.ANALYZE, ID, timeout);
        assertEquals(ScanTimeoutException.Phase.REQUEST, assertInstanceOf(ScanTimeoutException.class, connect).phase());
        assertTrue(connect.getMessage().contains("connecting timed out"), connect.getMessage());
        var request = TransportFailures.classify(new HttpTimeoutException("request timed out"), Endpoint.STATUS, ID, timeout);
        assertEquals(ScanTimeoutException.Phase.REQUEST, assertInstanceOf(ScanTimeoutException.class, request).phase());
        var refused = TransportFailures.classify(new ConnectException(), Endpoint.RESULTS, ID, timeout);
        assertInstanceOf(NetworkException.class, refused);
        assertTrue(refused.getMessage().endsWith("ConnectException"), refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> TransportFailures.classify(new IllegalArgumentException("bug"), Endpoint.RESULTS, ID, timeout));
    }

    @Test
    void aNetworkErrorNamesWhatHappenedNotTheJdksSummaryOfIt() {
        // What java.net.http throws when it may not repeat an exchange itself (one attempt only).
        var closed = new IOException("HTTP/1.1 header parser received no bytes");
        var gaveUp = new IOException("Too many retries", closed);
        var failure = TransportFailures.classify(gaveUp, Endpoint.STATUS, ID, Duration.ofSeconds(30));
        assertInstanceOf(NetworkException.class, failure);
        assertTrue(failure.getMessage().endsWith(": HTTP/1.1 header parser received no bytes"), failure.getMessage());
        assertEquals(gaveUp, failure.getCause(), "the whole chain is kept");
        var unnamed = TransportFailures.classify(new IOException("reset", new ConnectException()), Endpoint.STATUS, ID,
                Duration.ofSeconds(30));
        assertTrue(unnamed.getMessage().endsWith(": reset"), "a cause without a message names nothing: " + unnamed.getMessage());
    }
}
