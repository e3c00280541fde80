package io.vscanpoc.cli.reliability;

import static io.vscanpoc.cli.reliability.FaultCase.Expected.fails;
import static io.vscanpoc.cli.reliability.FaultCase.Expected.recovers;
import static io.vscanpoc.cli.reliability.FaultCase.scripted;
import static io.vscanpoc.cli.reliability.FaultCase.times;
import static io.vscanpoc.core.ErrorCategory.ANALYSIS_FAILED;
import static io.vscanpoc.core.ErrorCategory.MALFORMED_RESPONSE;
import static io.vscanpoc.core.ErrorCategory.NETWORK;
import static io.vscanpoc.core.ErrorCategory.NOT_FOUND;
import static io.vscanpoc.core.ErrorCategory.RATE_LIMITED;
import static io.vscanpoc.core.ErrorCategory.SERVER_ERROR;
import static io.vscanpoc.core.ErrorCategory.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.reliability.FaultCase.Expected;
import io.vscanpoc.cli.reliability.FaultCase.Stage;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.cache.CachingVscanClient;
import io.vscanpoc.core.client.ClientStats;
import io.vscanpoc.core.client.HttpVscanClient;
import io.vscanpoc.core.client.RetryPolicy;
import io.vscanpoc.core.client.VscanClientConfig;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.scanner.ParallelScanner;
import io.vscanpoc.core.time.TimeScale;
import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import io.vscanpoc.sim.RecordedRequest;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import io.vscanpoc.sim.SimulatorStats;
import io.vscanpoc.sim.VscanSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault-injection matrix: for each fault kind, a small scan through the real stack (the
 * simulator over 127.0.0.1, {@link HttpVscanClient}, {@link CachingVscanClient},
 * {@link ParallelScanner}, {@link SqliteResultCache} on a temporary directory). Each row checks that
 * every input gets exactly one outcome in the right category, that the scan ends within the
 * scanner's deadline, that no failure leaves a cache entry, that the cache passes its integrity
 * check, and that the client's request and 429 counts equal the simulator's. The rows run are written
 * to {@code target/fault-matrix.md} (pasted into docs/reliability.md).
 */
class FaultMatrixTest {

    /** One vscan second is 20 ms: the defaults (1.5 s pacing, 2 s backoff, 5 s Retry-After) stay distinct. */
    private static final double SCALE = 0.02;
    private static final int WORKERS = 2;
    private static final int INPUTS = 5;
    /** Positions of the extensions the fault hits; the others must succeed untouched. */
    private static final List<Integer> VICTIMS = List.of(0, 3);
    /** More inputs for the row that stops the simulator, so that the stop comes mid-run even on a slow machine. */
    private static final int STOP_INPUTS = 12;
    /** The bound every row must end within; the scanner enforces it, and no row may reach it. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** The client's default request timeout, used by the timeout rows. */
    private static final Duration TIMEOUT_30S = Duration.ofSeconds(30);
    /** Beyond that timeout. */
    private static final Duration SLOW = Duration.ofSeconds(60);
    private static final long OVERSIZE_BYTES = 50_000_000L;
    /** The shortest backoff waits of the default policy: 2, 4, 8 s, less 20% jitter. */
    private static final List<Duration> MIN_BACKOFF =
            List.of(Duration.ofMillis(1600), Duration.ofMillis(3200), Duration.ofMillis(6400));
    /** Sleeps never end early, but two clocks' readings are compared: allow them a hair. */
    private static final double GAP_TOLERANCE = 0.99;

    private static final SimulatorConfig SIM = SimulatorProfile.IDEAL.builder().timeScale(SCALE).seed(7).build();
    private static final MatrixTable TABLE = new MatrixTable(SCALE);

    /** The matrix. A persistent fault is scripted once per attempt (1 + 3 retries), a transient one once. */
    static Stream<FaultCase> matrix() {
        return Stream.of(
                scripted("429 with Retry-After, persistent", Stage.SUBMIT, times(4, Fault.rateLimited(RETRY_AFTER)),
                        fails(RATE_LIMITED, 429, 3).apart(List.of(RETRY_AFTER, RETRY_AFTER, RETRY_AFTER))),
                scripted("429 with Retry-After, once", Stage.SUBMIT, times(1, Fault.rateLimited(RETRY_AFTER)),
                        recovers(1).apart(List.of(RETRY_AFTER))),
                scripted("429 without Retry-After, persistent", Stage.SUBMIT,
                        times(4, Fault.rateLimitedWithHeader(null)), fails(RATE_LIMITED, 429, 3).apart(MIN_BACKOFF)),
                scripted("429 without Retry-After, once", Stage.SUBMIT, times(1, Fault.rateLimitedWithHeader(null)),
                        recovers(1).apart(MIN_BACKOFF.subList(0, 1))),
                scripted("500", Stage.SUBMIT, times(1, Fault.httpError(500)), fails(SERVER_ERROR, 500, 0)),
                scripted("502, persistent", Stage.SUBMIT, times(4, Fault.httpError(502)), fails(SERVER_ERROR, 502, 3)),
                scripted("502, once", Stage.SUBMIT, times(1, Fault.httpError(502)), recovers(1)),
                scripted("503, persistent", Stage.STATUS, times(4, Fault.httpError(503)), fails(SERVER_ERROR, 503, 3)),
                scripted("503, once", Stage.STATUS, times(1, Fault.httpError(503)), recovers(1)),
                scripted("504, persistent", Stage.RESULTS, times(4, Fault.httpError(504)), fails(SERVER_ERROR, 504, 3)),
                scripted("504, once", Stage.RESULTS, times(1, Fault.httpError(504)), recovers(1)),
                scripted("slow beyond the timeout (status), persistent", Stage.STATUS, times(4, Fault.delay(SLOW)),
                        fails(TIMEOUT, 0, 3).cause("request timeout", FaultMatrixTest::requestTimeout))
                        .requestTimeout(TIMEOUT_30S),
                scripted("slow beyond the timeout (status), once", Stage.STATUS, times(1, Fault.delay(SLOW)),
                        recovers(1)).requestTimeout(TIMEOUT_30S),
                scripted("close mid-body (results), persistent", Stage.RESULTS, times(4, Fault.closeMidBody()),
                        fails(NETWORK, 0, 3)),
                scripted("close mid-body (results), once", Stage.RESULTS, times(1, Fault.closeMidBody()),
                        recovers(1)),
                scripted("close before any response (submit), persistent", Stage.SUBMIT,
                        times(4, Fault.closeBeforeResponse()), fails(NETWORK, 0, 3)),
                // A GET: each attempt may meet the fault twice (the JDK's resend), so 2 x 4 are scripted.
                scripted("close before any response (status), persistent", Stage.STATUS,
                        times(8, Fault.closeBeforeResponse()), fails(NETWORK, 0, 3).mayBeResentByJdk()),
                scripted("close before any response (status), once", Stage.STATUS,
                        times(1, Fault.closeBeforeResponse()), recovers(1).mayBeResentByJdk()),
                scripted("truncated JSON (results)", Stage.RESULTS, times(1, Fault.truncatedJson()),
                        fails(MALFORMED_RESPONSE, 0, 0)),
                scripted("HTML error page (status)", Stage.STATUS, times(1, Fault.htmlErrorPage()),
                        fails(MALFORMED_RESPONSE, 200, 0)),
                scripted("wrong JSON types (results)", Stage.RESULTS, times(1, Fault.wrongTypes()),
                        fails(MALFORMED_RESPONSE, 0, 0)),
                scripted("oversize body, 50 MB streamed (results)", Stage.RESULTS,
                        times(1, Fault.oversizeBody(OVERSIZE_BYTES)),
                        fails(MALFORMED_RESPONSE, 200, 0).cause("over the 10 MiB cap", FaultMatrixTest::overCap)),
                FaultCase.unknownExtensions("404 unknown extension", fails(NOT_FOUND, 404, 0)),
                scripted("analysis ends failed", Stage.SUBMIT, times(1, Fault.analysisFails()),
                        fails(ANALYSIS_FAILED, 0, 0)),
                scripted("analysis never completes (maxWait 15 s)", Stage.SUBMIT,
                        times(1, Fault.analysisNeverCompletes()),
                        fails(TIMEOUT, 0, 0).cause("analysis timeout", FaultMatrixTest::analysisTimeout)),
                FaultCase.simulatorStopped("simulator stopped mid-run", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyInputEndsOnceInItsCategory(FaultCase row, @TempDir Path dir) throws Exception {
        List<ExtensionId> ids = inputs(row);
        try (var sim = VscanSimulator.start(SIM);
                var cache = SqliteResultCache.open(CacheConfig.defaults(dir));
                var http = new HttpVscanClient(clientConfig(sim, row))) {
            for (int victim : row.script().isEmpty() ? List.<Integer>of() : VICTIMS) {
                sim.scriptFor(ids.get(victim).toString(), script(row));
            }
            var client = new CachingVscanClient(http, cache);
            ScanReport<ExtensionId, ScanResult> report;
            if (row.stopsSimulator()) {
                report = scanAndStop(row, ids, client, sim);
                assertStoppedSimulatorSawLess(report, http.stats(), sim.stats());
            } else {
                report = scanner(ScanListener.none()).scan(ids, client::scan);
                assertVictimsAndOthers(row, ids, report);
                if (row.expected().jdkMayResend()) {
                    assertResendsAccountFor(row, http.stats(), sim);
                } else {
                    assertGroundTruth(http.stats(), sim.stats());
                    assertEquals(0, sim.pendingFaults(), "every scripted fault met exactly one request");
                    assertEquals(VICTIMS.size() * row.expected().retries(), http.stats().retries(), "retries");
                }
                assertRetryGaps(row, ids, sim.recordedRequests());
            }
            assertOnePerInputWithinTheDeadline(ids, report);
            assertCacheHoldsExactlyTheSuccesses(report, cache);
            TABLE.add(row, report, http.stats(), sim.stats());
        }
    }

    @AfterAll
    static void writeTable() throws Exception {
        Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
        TABLE.write(target.resolve("fault-matrix.md"), "Each row: a fresh simulator (`ideal` profile), a fresh SQLite cache, "
                + INPUTS + " extensions (" + STOP_INPUTS + " for the stop), " + WORKERS + " workers; the fault hits "
                + VICTIMS.size() + " of them, the victims.");
    }

    private static List<ExtensionId> inputs(FaultCase row) {
        int n = row.stopsSimulator() ? STOP_INPUTS : INPUTS;
        return IntStream.range(0, n)
                .mapToObj(i -> row.unknownVictims() && VICTIMS.contains(i)
                        ? ExtensionId.parse(SimulatorProfile.UNKNOWN_PREFIX + "publisher.ext-" + i)
                        : ExtensionId.parse("fault-matrix.ext-" + i))
                .toList();
    }

    private static Fault[] script(FaultCase row) {
        var faults = new ArrayList<Fault>();
        faults.addAll(times(row.stage().requestsBefore, Fault.delay(Duration.ZERO)));
        faults.addAll(row.script());
        return faults.toArray(Fault[]::new);
    }

    private static VscanClientConfig clientConfig(VscanSimulator sim, FaultCase row) {
        return VscanClientConfig.builder()
                .baseUrl(sim.baseUrl())
                .timeScale(new TimeScale(SCALE))
                .requestTimeout(row.requestTimeout())
                .lanes(WORKERS)
                .maxWait(MAX_WAIT)
                .retryPolicy(RetryPolicy.builder().seed(9).build())
                .build();
    }

    private static ParallelScanner<ExtensionId, ScanResult> scanner(ScanListener<ExtensionId, ScanResult> listener) {
        return ParallelScanner.<ExtensionId, ScanResult>builder()
                .maxConcurrency(WORKERS)
                .deadline(DEADLINE)
                .listener(listener)
                .build();
    }

    /**
     * Runs the scan on another thread, closes the simulator once {@code row.stopSimulatorAfter()}
     * extensions have succeeded, and checks what that did: what had finished succeeded, what
     * started after the stop failed NETWORK, nothing else happened.
     */
    private static ScanReport<ExtensionId, ScanResult> scanAndStop(
            FaultCase row, List<ExtensionId> ids, VscanClient client, VscanSimulator sim) throws Exception {
        var watcher = new StopWatcher(row.stopSimulatorAfter());
        ScanReport<ExtensionId, ScanResult> report;
        Set<Integer> finishedBeforeStop;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ScanReport<ExtensionId, ScanResult>> scan =
                    executor.submit(() -> scanner(watcher).scan(ids, client::scan));
            watcher.reached.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            finishedBeforeStop = Set.copyOf(watcher.finished);
            sim.close();
            watcher.stopped.set(true);
            report = scan.get(DEADLINE.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
        List<ScanOutcome<ExtensionId, ScanResult>> outcomes = report.outcomes();
        assertFalse(watcher.startedAfterStop.isEmpty(),
                "the simulator was closed after the scan had started every extension: not mid-run");
        assertAll(IntStream.range(0, outcomes.size()).mapToObj(i -> () -> {
            if (outcomes.get(i) instanceof ScanOutcome.Failure<?, ?> failure) {
                assertEquals(NETWORK, failure.category(), ids.get(i) + ": " + failure.message());
                assertFalse(finishedBeforeStop.contains(i), ids.get(i) + " had finished before the stop");
            }
        }));
        for (int started : watcher.startedAfterStop) {
            assertFalse(outcomes.get(started).succeeded(), ids.get(started) + " started after the stop");
        }
        return report;
    }

    /** Counts successes and notes which items finished, and which started once the simulator was gone. */
    private static final class StopWatcher implements ScanListener<ExtensionId, ScanResult> {
        private final int after;
        private final AtomicInteger successes = new AtomicInteger();
        private final CompletableFuture<Void> reached = new CompletableFuture<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
        private final Set<Integer> startedAfterStop = ConcurrentHashMap.newKeySet();

        StopWatcher(int after) {
            this.after = after;
        }

        @Override
        public void started(int index, ExtensionId item) {
            if (stopped.get()) {
                startedAfterStop.add(index);
            }
        }

        @Override
        public void finished(ScanOutcome<ExtensionId, ScanResult> outcome) {
            finished.add(outcome.index());
            if (outcome.succeeded() && successes.incrementAndGet() >= after) {
                reached.complete(null);
            }
        }
    }

    private static void assertOnePerInputWithinTheDeadline(
            List<ExtensionId> ids, ScanReport<ExtensionId, ScanResult> report) {
        assertEquals(ScanReport.StopReason.COMPLETED, report.stop(), "the scan reached its deadline of " + DEADLINE);
        assertTrue(report.wallTime().compareTo(DEADLINE) < 0, "wall time " + report.wallTime());
        List<ScanOutcome<ExtensionId, ScanResult>> outcomes = report.outcomes();
        assertEquals(ids.size(), outcomes.size(), "one outcome per input");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, outcomes.get(i).index());
            assertEquals(ids.get(i), outcomes.get(i).item());
            if (outcomes.get(i) instanceof ScanOutcome.Failure<?, ?> failure) {
                assertFalse(failure.message().contains("overall deadline"), failure.message());
                assertTrue(failure.started(), ids.get(i) + " never started");
            }
        }
        assertEquals(report.successes(), report.stats().successes(), "scanner stats: successes");
        for (ErrorCategory category : ErrorCategory.values()) {
            long counted = outcomes.stream()
                    .filter(o -> o instanceof ScanOutcome.Failure<?, ?> f && f.category() == category)
                    .count();
            assertEquals(counted, report.stats().failures(category), "scanner stats: " + category);
        }
    }

    private static void assertVictimsAndOthers(
            FaultCase row, List<ExtensionId> ids, ScanReport<ExtensionId, ScanResult> report) {
        Expected expected = row.expected();
        assertAll(IntStream.range(0, ids.size()).mapToObj(i -> () -> {
            var outcome = report.outcomes().get(i);
            if (!VICTIMS.contains(i) || expected.succeeds()) {
                var success = assertInstanceOf(ScanOutcome.Success.class, outcome, () -> ids.get(i) + ": " + outcome);
                assertFalse(success.fromCache(), ids.get(i) + " came from an empty cache");
                return;
            }
            var failure = assertInstanceOf(ScanOutcome.Failure.class, outcome, () -> ids.get(i) + " succeeded");
            assertEquals(expected.category(), failure.category(), () -> ids.get(i) + ": " + failure.message());
            assertEquals(expected.httpStatus(), failure.httpStatus(), () -> ids.get(i) + ": " + failure.message());
            assertTrue(expected.cause().test(failure.cause()), () -> ids.get(i) + ": " + expected.causeName()
                    + " expected, got " + failure.cause());
            assertFalse(failure.message().contains("\n"), "one line: " + failure.message());
        }));
    }

    private static void assertCacheHoldsExactlyTheSuccesses(
            ScanReport<ExtensionId, ScanResult> report, SqliteResultCache cache) throws Exception {
        for (var outcome : report.outcomes()) {
            assertEquals(outcome.succeeded(), cache.contains(outcome.item()),
                    outcome.item() + (outcome.succeeded() ? " succeeded but is not cached" : " failed but is cached"));
        }
        assertEquals(report.successes(), cache.count(), "cache entries = successes");
        IntegrityReport integrity = cache.integrityCheck();
        assertTrue(integrity.ok(), integrity.summary());
        assertEquals(report.successes(), integrity.rowsChecked(), "rows checked");
    }

    /** Every request the client sent reached the simulator once, and every 429 it sent was counted. */
    private static void assertGroundTruth(ClientStats client, SimulatorStats sim) {
        assertAll(
                () -> assertEquals(sim.requests(), client.requests(), "requests"),
                () -> assertEquals(sim.http429(), client.http429(), "429s"),
                () -> assertEquals(sim.http5xx(), client.http5xx(), "5xx"),
                () -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        var ours = io.vscanpoc.core.client.Endpoint.valueOf(endpoint.name());
                        assertEquals(sim.requestsByEndpoint().of(endpoint), client.requests(ours),
                                endpoint + " requests");
                    }
                });
    }

    /**
     * For a GET whose connection is closed before any response: the JDK's HttpClient resends it once,
     * on a new connection and without telling the caller, when the closed connection was a reused
     * keep-alive one (MultiExchange retries a ConnectionExpiredException for GET and HEAD). The
     * client cannot count what it never sees, so the simulator may count more requests; this checks
     * that every extra request is such a resend and nothing else differs.
     */
    private static void assertResendsAccountFor(FaultCase row, ClientStats client, VscanSimulator sim) {
        SimulatorStats truth = sim.stats();
        long resent = truth.requests() - client.requests();
        int victims = VICTIMS.size();
        int attempts = victims * (row.expected().retries() + 1);
        Endpoint faulted = row.stage().endpoint;
        long consumed = victims * (row.stage().requestsBefore + (long) row.script().size()) - sim.pendingFaults();
        assertAll(
                () -> assertTrue(resent >= 0 && resent <= attempts, resent + " resent, " + attempts + " attempts"),
                () -> assertEquals(truth.http429(), client.http429(), "429s"),
                () -> assertEquals(truth.http5xx(), client.http5xx(), "5xx"),
                () -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        long ours = client.requests(io.vscanpoc.core.client.Endpoint.valueOf(endpoint.name()));
                        assertEquals(truth.requestsByEndpoint().of(endpoint), ours + (endpoint == faulted ? resent : 0),
                                endpoint + " requests");
                    }
                },
                () -> {
                    if (row.expected().succeeds()) {
                        // Each victim's one fault was absorbed by a resend or got past by one retry.
                        assertEquals(victims, client.retries() + resent, "retries + resends");
                        assertEquals(0, sim.pendingFaults(), "pending faults");
                    } else {
                        // Every attempt met a fault, and so did every resend of one.
                        assertEquals(victims * (long) row.expected().retries(), client.retries(), "retries");
                        assertEquals(victims * (long) row.stage().requestsBefore + attempts + resent, consumed,
                                "faults met");
                    }
                });
    }

    /**
     * Once the simulator is gone, requests are refused before it sees them: it counts fewer than the
     * client sent, never more, and each extension the stop caught had its failing request retried 3
     * times.
     */
    private static void assertStoppedSimulatorSawLess(
            ScanReport<ExtensionId, ScanResult> report, ClientStats client, SimulatorStats sim) {
        long failed = report.outcomes().size() - report.successes();
        assertAll(
                () -> assertTrue(client.requests() > sim.requests(),
                        "client " + client.requests() + ", simulator " + sim.requests()),
                () -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        long ours = client.requests(io.vscanpoc.core.client.Endpoint.valueOf(endpoint.name()));
                        assertTrue(ours >= sim.requestsByEndpoint().of(endpoint), endpoint + " requests");
                    }
                },
                () -> assertEquals(sim.http429(), client.http429(), "429s"),
                () -> assertEquals(3 * failed, client.retries(), "retries"),
                () -> assertEquals(4 * failed, client.networkErrors(), "network errors"));
    }

    /** The simulator's arrival times of each victim's submits are at least the expected waits apart. */
    private static void assertRetryGaps(FaultCase row, List<ExtensionId> ids, List<RecordedRequest> recorded) {
        List<Duration> minGaps = row.expected().minGaps();
        if (minGaps.isEmpty()) {
            return;
        }
        for (int victim : VICTIMS) {
            String name = "\"name\":\"" + ids.get(victim).name() + "\"";
            List<Duration> arrivals = recorded.stream()
                    .filter(r -> r.endpoint() == Endpoint.ANALYZE && r.body().contains(name))
                    .map(RecordedRequest::vscanTime)
                    .toList();
            assertEquals(minGaps.size() + 1, arrivals.size(), ids.get(victim) + " submits");
            for (int n = 0; n < minGaps.size(); n++) {
                Duration gap = arrivals.get(n + 1).minus(arrivals.get(n));
                Duration least = minGaps.get(n);
                if (gap.toNanos() < least.toNanos() * GAP_TOLERANCE) {
                    fail(ids.get(victim) + ": retry " + (n + 1) + " came " + gap + " (vscan) after the attempt before it;"
                            + " at least " + least + " expected");
                }
            }
        }
    }

    private static boolean requestTimeout(Throwable t) {
        return t instanceof ScanTimeoutException e && e.phase() == ScanTimeoutException.Phase.REQUEST;
    }

    private static boolean analysisTimeout(Throwable t) {
        return t instanceof ScanTimeoutException e && e.phase() == ScanTimeoutException.Phase.ANALYSIS;
    }

    private static boolean overCap(Throwable t) {
        return t instanceof MalformedResponseException e
                && e.getMessage().contains("larger than " + VscanClientConfig.defaults().maxBodyBytes() + " bytes");
    }
}
