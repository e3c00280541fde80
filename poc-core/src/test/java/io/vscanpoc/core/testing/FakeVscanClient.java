package io.vscanpoc.core.testing;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.error.AnalysisFailedException;
import io.vscanpoc.core.error.BudgetExhaustedException;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.error.ClientErrorException;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.NotFoundException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.core.internal.Json;
import io.vscanpoc.core.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scriptable, thread-safe {@link VscanClient} for unit tests, with no network. Published in
 * poc-core's test-jar.
 *
 * <p>Every call first waits the item's latency through the injected {@link Sleeper} (the real
 * {@link Sleeper#SYSTEM} unless one is given, so a call answers interruption like the real client),
 * then answers with, in this order of precedence:
 * <ol>
 *   <li>the next unused {@link Step} of the ID's {@linkplain #script script}, if any is left;</li>
 *   <li>the ID's permanent failure category, if {@link #failWith} set one;</li>
 *   <li>a success with the ID's {@linkplain #result(ExtensionId, AnalysisResult) result}, by
 *       default {@link #defaultResult(ExtensionId)}, parsed from {@link #resultJson}.</li>
 * </ol>
 * A failure is thrown as the {@link VscanException} subclass of its category (see
 * {@link #exceptionFor}). Every call is recorded, when it ends, as a {@link Call}.
 *
 * <pre>{@code
 * var client = new FakeVscanClient(sleeper)
 *         .latency(Duration.ofMillis(20))
 *         .script(id("a.b"), Step.fail(ErrorCategory.RATE_LIMITED), Step.succeed())
 *         .failWith(id("c.d"), ErrorCategory.NOT_FOUND);
 * }</pre>
 */
public final class FakeVscanClient implements VscanClient {

    /** Version of the default results. */
    public static final String DEFAULT_VERSION = "1.0.0";

    private final Sleeper sleeper;
    private volatile Duration defaultLatency = Duration.ZERO;
    private final Map<ExtensionId, Duration> latencies = new ConcurrentHashMap<>();
    private final Map<ExtensionId, ErrorCategory> permanentFailures = new ConcurrentHashMap<>();
    private final Map<ExtensionId, Queue<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<ExtensionId, AnalysisResult> results = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAccumulator peak = new LongAccumulator(Math::max, 0);

    /** A client whose latencies are real sleeps. */
    public FakeVscanClient() {
        this(Sleeper.SYSTEM);
    }

    /** A client that waits through {@code sleeper}. */
    public FakeVscanClient(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** One scripted answer. */
    public sealed interface Step {

        /** Succeed with the ID's result. */
        static Step succeed() {
            return Succeed.FRESH;
        }

        /** Succeed with the ID's result, marked as served from a cache. */
        static Step succeedFromCache() {
            return Succeed.CACHED;
        }

        /** Fail with a fresh exception of {@code category} (see {@link #exceptionFor}). */
        static Step fail(ErrorCategory category) {
            checkThrowable(category);
            return new FailWith(category);
        }

        /** Fail by throwing exactly {@code exception}, for a particular status or Retry-After. */
        static Step fail(VscanException exception) {
            return new Throw(Objects.requireNonNull(exception, "exception"));
        }
    }

    private enum Succeed implements Step {
        FRESH,
        CACHED
    }

    private record FailWith(ErrorCategory category) implements Step {}

    private record Throw(VscanException exception) implements Step {}

    /**
     * One call as recorded when it ended.
     *
     * @param thread name of the calling thread
     * @param virtualThread whether the caller was a virtual thread
     * @param startNanos {@link System#nanoTime()} when the call began
     * @param endNanos {@link System#nanoTime()} when it returned or threw
     * @param failure the category it failed with; null for a success; {@link ErrorCategory#CANCELLED}
     *     when it was interrupted while waiting
     * @param fromCache whether a success was marked as served from a cache
     */
    public record Call(
            ExtensionId id,
            String thread,
            boolean virtualThread,
            long startNanos,
            long endNanos,
            ErrorCategory failure,
            boolean fromCache) {

        /** True when the call returned a result. */
        public boolean succeeded() {
            return failure == null;
        }

        /** True when this call and {@code other} were in progress at the same moment. */
        public boolean overlaps(Call other) {
            return startNanos < other.endNanos && other.startNanos < endNanos;
        }
    }

    /** Every call waits {@code latency} unless its ID has a latency of its own. */
    public FakeVscanClient latency(Duration latency) {
        this.defaultLatency = nonNegative(latency);
        return this;
    }

    /** Calls for {@code id} wait {@code latency}. */
    public FakeVscanClient latency(ExtensionId id, Duration latency) {
        latencies.put(Objects.requireNonNull(id, "id"), nonNegative(latency));
        return this;
    }

    /** Every call for {@code id} fails with {@code category} once its script is used up. */
    public FakeVscanClient failWith(ExtensionId id, ErrorCategory category) {
        checkThrowable(category);
        permanentFailures.put(Objects.requireNonNull(id, "id"), category);
        return this;
    }

    /** Appends {@code steps} to the script of {@code id}; each call uses up one step. */
    public FakeVscanClient script(ExtensionId id, Step... steps) {
        var queue = scripts.computeIfAbsent(Objects.requireNonNull(id, "id"), k -> new ConcurrentLinkedQueue<>());
        for (Step step : steps) {
            queue.add(Objects.requireNonNull(step, "step"));
        }
        return this;
    }

    /** Successes for {@code id} return {@code result} instead of the default. */
    public FakeVscanClient result(ExtensionId id, AnalysisResult result) {
        results.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(result, "result"));
        return this;
    }

    @Override
    public ScanResult scan(ExtensionId id) throws VscanException, InterruptedException {
        Objects.requireNonNull(id, "id");
        long start = System.nanoTime();
        peak.accumulate(inFlight.incrementAndGet());
        ErrorCategory failure = ErrorCategory.INTERNAL;
        boolean fromCache = false;
        try {
            Duration latency = latencies.getOrDefault(id, defaultLatency);
            try {
                sleeper.sleep(latency);
            } catch (InterruptedException e) {
                failure = ErrorCategory.CANCELLED;
                throw e;
            }
            Step step = nextStep(id);
            switch (step) {
                case Succeed s -> {
                    fromCache = s == Succeed.CACHED;
                    AnalysisResult analysis = results.computeIfAbsent(id, FakeVscanClient::defaultResult);
                    failure = null;
                    return fromCache
                            ? ScanResult.cached(analysis)
                            : new ScanResult(analysis, false, new PhaseTimings(
                                    Duration.ZERO, 1, latency, Duration.ZERO, 3, 0, 0));
                }
                case FailWith f -> {
                    failure = f.category();
                    Exception e = exceptionFor(f.category(), id);
                    if (e instanceof VscanException classified) {
                        throw classified;
                    }
                    throw (RuntimeException) e;
                }
                case Throw t -> {
                    failure = t.exception().category();
                    throw t.exception();
                }
            }
        } finally {
            inFlight.decrementAndGet();
            Thread current = Thread.currentThread();
            calls.add(new Call(id, current.getName(), current.isVirtual(), start, System.nanoTime(), failure, fromCache));
        }
    }

    private Step nextStep(ExtensionId id) {
        Queue<Step> script = scripts.get(id);
        Step step = script == null ? null : script.poll();
        if (step != null) {
            return step;
        }
        ErrorCategory permanent = permanentFailures.get(id);
        return permanent == null ? Step.succeed() : new FailWith(permanent);
    }

    /** Every call recorded so far, in the order they ended. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls recorded for {@code id}, in the order they ended. */
    public List<Call> calls(ExtensionId id) {
        var mine = new ArrayList<Call>();
        for (Call call : calls) {
            if (call.id().equals(id)) {
                mine.add(call);
            }
        }
        return mine;
    }

    /** Number of calls that have ended. */
    public int callCount() {
        return calls.size();
    }

    /** Calls in progress now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Most calls that were in progress at the same moment. */
    public int peakConcurrentCalls() {
        return (int) peak.get();
    }

    /**
     * A fresh exception of {@code category} for {@code id}: RATE_LIMITED is a 429 without
     * Retry-After, SERVER_ERROR a 503, CLIENT_ERROR a 400, TIMEOUT a request timeout, and INTERNAL
     * an {@link IllegalStateException} (the type a bug would throw).
     *
     * @throws IllegalArgumentException for CANCELLED, which a client never throws: the scanner
     *     decides it
     */
    public static Exception exceptionFor(ErrorCategory category, ExtensionId id) {
        String message = "fake " + category + " for " + id;
        return switch (category) {
            case RATE_LIMITED -> new RateLimitedException(message, null);
            case TIMEOUT -> new ScanTimeoutException(message, ScanTimeoutException.Phase.REQUEST, null);
            case SERVER_ERROR -> new ServerErrorException(message, 503);
            case CLIENT_ERROR -> new ClientErrorException(message, 400);
            case NOT_FOUND -> new NotFoundException(message);
            case NETWORK -> new NetworkException(message, null);
            case MALFORMED_RESPONSE -> new MalformedResponseException(message);
            case ANALYSIS_FAILED -> new AnalysisFailedException(message);
            case CACHE -> new CacheException(message, null);
            case BUDGET_EXHAUSTED -> new BudgetExhaustedException(message);
            case INTERNAL -> new IllegalStateException(message);
            case CANCELLED -> throw new IllegalArgumentException(
                    "CANCELLED is decided by the scanner; a client never throws it");
        };
    }

    /**
     * A results document that {@link AnalysisResult#parse} accepts, shaped like vscan.dev's (the
     * fields the PoC reads, plus empty module sections), with a fixed timestamp so equal arguments
     * give equal text.
     */
    public static String resultJson(ExtensionId id, String version, int score, RiskLevel riskLevel) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(riskLevel, "riskLevel");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, got " + score);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("extensionInfo").put("name", id.name()).put("publisher", id.publisher()).put("version", version);
        ObjectNode securityScore = root.putObject("securityScore");
        securityScore.put("score", score);
        securityScore.put("riskLevel", riskLevel == RiskLevel.UNKNOWN ? "unrated" : riskLevel.apiName());
        securityScore.putArray("notes");
        securityScore.putObject("contributions").put("base", 100);
        securityScore.putObject("moduleRiskLevels");
        ObjectNode modules = root.putObject("analysisModules");
        modules.putObject("metadata").putObject("metadata").put("displayName", id.name());
        ObjectNode dependencies = modules.putObject("dependencies");
        dependencies.putArray("dependencies");
        dependencies.putObject("vulnerabilities").putObject("summary")
                .put("total", 0).put("critical", 0).put("high", 0)
                .put("moderate", 0).put("low", 0).put("info", 0);
        root.put("analysisTimestamp", "2025-10-01T00:00:00Z");
        root.put("hasErrors", false);
        return Json.MAPPER.writeValueAsString(root);
    }

    /** {@link #resultJson} parsed. */
    public static AnalysisResult result(ExtensionId id, String version, int score, RiskLevel riskLevel) {
        try {
            return AnalysisResult.parse(id, resultJson(id, version, score, riskLevel));
        } catch (MalformedResponseException e) {
            throw new AssertionError("resultJson must always parse", e);
        }
    }

    /**
     * The result a success returns unless {@link #result(ExtensionId, AnalysisResult)} set one:
     * version {@value #DEFAULT_VERSION}, and a score (50 to 100) and risk level derived from the
     * ID's key, so it differs between IDs but never between runs.
     */
    public static AnalysisResult defaultResult(ExtensionId id) {
        int score = 50 + Math.floorMod(id.key().hashCode(), 51);
        RiskLevel risk = score >= 90 ? RiskLevel.LOW : score >= 75 ? RiskLevel.MEDIUM : score >= 60 ? RiskLevel.HIGH : RiskLevel.CRITICAL;
        return result(id, DEFAULT_VERSION, score, risk);
    }

    private static void checkThrowable(ErrorCategory category) {
        Objects.requireNonNull(category, "category");
        if (category == ErrorCategory.CANCELLED) {
            throw new IllegalArgumentException("CANCELLED is decided by the scanner; a client never throws it");
        }
    }

    private static Duration nonNegative(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        return latency;
    }
}
