package io.vscanpoc.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.core.testing.FakeVscanClient.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FakeVscanClientTest {

    private static final ExtensionId PYTHON = ExtensionId.parse("ms-python.python");
    private static final ExtensionId PRETTIER = ExtensionId.parse("esbenp.prettier-vscode");

    @ParameterizedTest
    @EnumSource(RiskLevel.class)
    void resultJsonParsesBackToWhatItWasMadeFrom(RiskLevel risk) throws Exception {
        String json = FakeVscanClient.resultJson(PYTHON, "2025.\"1\"", 82, risk);
        AnalysisResult parsed = AnalysisResult.parse(PYTHON, json);
        assertEquals("2025.\"1\"", parsed.version());
        assertEquals(82, parsed.score());
        assertEquals(risk, parsed.riskLevel());
        assertEquals(json, parsed.rawJson());
        assertEquals(json, FakeVscanClient.resultJson(PYTHON, "2025.\"1\"", 82, risk), "deterministic");
        assertTrue(parsed.timestamp().isPresent());
    }

    @Test
    void resultJsonRejectsAScoreTheParserWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> FakeVscanClient.resultJson(PYTHON, "1", 101, RiskLevel.LOW));
    }

    @Test
    void succeedsByDefaultWithADeterministicResultPerId() throws Exception {
        var client = new FakeVscanClient(d -> {});
        var python = client.scan(PYTHON);
        assertFalse(python.fromCache());
        assertEquals(FakeVscanClient.defaultResult(PYTHON), python.analysis());
        assertEquals(FakeVscanClient.DEFAULT_VERSION, python.analysis().version());
        assertEquals(python.analysis(), new FakeVscanClient(d -> {}).scan(PYTHON).analysis());
        assertNotEquals(python.analysis(), client.scan(PRETTIER).analysis());
    }

    @Test
    void waitsEachIdsLatencyThroughTheInjectedSleeper() throws Exception {
        var slept = new ConcurrentLinkedQueue<Duration>();
        var client = new FakeVscanClient(slept::add)
                .latency(Duration.ofMillis(20))
                .latency(PRETTIER, Duration.ofSeconds(3));
        client.scan(PYTHON);
        client.scan(PRETTIER);
        assertEquals(List.of(Duration.ofMillis(20), Duration.ofSeconds(3)), List.copyOf(slept));
        assertThrows(IllegalArgumentException.class, () -> client.latency(Duration.ofMillis(-1)));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCategory.class, names = {"CANCELLED", "INTERNAL"}, mode = EnumSource.Mode.EXCLUDE)
    void failsWithTheExceptionTypeOfEachCategory(ErrorCategory category) {
        var client = new FakeVscanClient(d -> {}).failWith(PYTHON, category);
        var thrown = assertThrows(VscanException.class, () -> client.scan(PYTHON));
        assertEquals(category, thrown.category());
        assertThrows(VscanException.class, () -> client.scan(PYTHON), "a permanent failure repeats");
        assertEquals(category, client.calls(PYTHON).getFirst().failure());
    }

    @Test
    void anInternalFailureIsTheRuntimeExceptionABugWouldThrowAndCancelledIsRefused() {
        var client = new FakeVscanClient(d -> {}).failWith(PYTHON, ErrorCategory.INTERNAL);
        assertThrows(IllegalStateException.class, () -> client.scan(PYTHON));
        assertThrows(IllegalArgumentException.class, () -> client.failWith(PYTHON, ErrorCategory.CANCELLED));
        assertThrows(IllegalArgumentException.class, () -> Step.fail(ErrorCategory.CANCELLED));
    }

    @Test
    void aScriptIsPlayedInOrderThenFallsBackToThePermanentBehaviour() throws Exception {
        var status500 = new ServerErrorException("boom", 500);
        var client = new FakeVscanClient(d -> {})
                .script(PYTHON, Step.fail(ErrorCategory.RATE_LIMITED), Step.fail(status500))
                .script(PYTHON, Step.succeedFromCache(), Step.succeed())
                .failWith(PYTHON, ErrorCategory.NOT_FOUND);
        assertInstanceOf(RateLimitedException.class, assertThrows(VscanException.class, () -> client.scan(PYTHON)));
        assertSame(status500, assertThrows(VscanException.class, () -> client.scan(PYTHON)));
        assertTrue(client.scan(PYTHON).fromCache());
        assertFalse(client.scan(PYTHON).fromCache());
        assertEquals(ErrorCategory.NOT_FOUND,
                assertThrows(VscanException.class, () -> client.scan(PYTHON)).category());
        assertEquals(
                List.of(ErrorCategory.RATE_LIMITED, ErrorCategory.SERVER_ERROR, ErrorCategory.NOT_FOUND),
                client.calls(PYTHON).stream().map(FakeVscanClient.Call::failure).filter(f -> f != null).toList());
        assertTrue(client.calls(PYTHON).get(2).fromCache());
        assertEquals(5, client.callCount());
    }

    @Test
    void successesReturnTheResultSetForTheId() throws Exception {
        var custom = FakeVscanClient.result(PYTHON, "9.9.9", 12, RiskLevel.CRITICAL);
        var client = new FakeVscanClient(d -> {}).result(PYTHON, custom);
        assertSame(custom, client.scan(ExtensionId.parse("MS-Python.Python")).analysis(), "IDs match case-insensitively");
    }

    @Test
    void anInterruptedWaitIsRethrownAndRecordedAsCancelled() throws Exception {
        var client = new FakeVscanClient().latency(Duration.ofHours(1));
        var entered = new CountDownLatch(1);
        var caller = Thread.ofVirtual().name("caller").start(() -> {
            entered.countDown();
            assertThrows(InterruptedException.class, () -> client.scan(PYTHON));
        });
        entered.await();
        org.awaitility.Awaitility.await().until(() -> client.inFlight() == 1);
        caller.interrupt();
        assertTrue(caller.join(Duration.ofSeconds(10)));
        var call = client.calls().getFirst();
        assertEquals(ErrorCategory.CANCELLED, call.failure());
        assertEquals("caller", call.thread());
        assertTrue(call.virtualThread());
        assertTrue(call.endNanos() >= call.startNanos());
    }

    @Test
    void recordsEveryConcurrentCallExactlyOnce() throws Exception {
        // Each call holds until all are in, so the recorded calls must overlap pairwise.
        int callers = 200;
        var allIn = new CountDownLatch(callers);
        var client = new FakeVscanClient(d -> {
            allIn.countDown();
            if (!allIn.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("callers did not all arrive");
            }
        });
        client.script(PYTHON, Step.fail(ErrorCategory.NETWORK));
        List<Future<?>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                futures.add(executor.submit(() -> {
                    try {
                        return client.scan(PYTHON);
                    } catch (VscanException e) {
                        return null;
                    }
                }));
            }
        }
        int nulls = 0;
        for (var future : futures) {
            if (future.get() == null) {
                nulls++;
            }
        }
        assertEquals(1, nulls, "a script step is used up by exactly one call");
        assertEquals(callers, client.callCount());
        assertEquals(callers, client.peakConcurrentCalls());
        assertEquals(0, client.inFlight());
        var calls = client.calls();
        assertTrue(calls.stream().allMatch(c -> c.overlaps(calls.getFirst())));
        assertNull(calls.stream().filter(c -> !c.virtualThread()).findAny().orElse(null));
    }
}
