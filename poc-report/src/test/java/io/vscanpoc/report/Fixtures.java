package io.vscanpoc.report;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.Environment;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.PhaseLatency;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.model.ScenarioOrder;
import io.vscanpoc.report.model.ScenarioResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Fixed, fully deterministic models for the tests: the environment and the times are constants,
 * so rendered reports are stable enough to compare with golden files.
 */
public final class Fixtures {

    public static final int DATASET = 30;
    public static final Environment ENVIRONMENT =
            new Environment("25.0.1", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "Linux", "6.8.0", "amd64", 2);
    public static final Instant STARTED = Instant.parse("2025-10-01T10:00:00Z");
    public static final Instant ENDED = Instant.parse("2025-10-01T10:42:17Z");
    public static final String VSCAN_URL = "https://vscan.dev/api/extensions";
    public static final String SIM_URL = "http://127.0.0.1:41234/api/extensions";

    /** The brief's matrix: test, workers, cache state. */
    public static final List<Object[]> MATRIX = List.of(
            new Object[] {1, 1, CacheState.EMPTY}, new Object[] {2, 1, CacheState.HALF},
            new Object[] {3, 3, CacheState.EMPTY}, new Object[] {4, 3, CacheState.HALF},
            new Object[] {5, 5, CacheState.EMPTY}, new Object[] {6, 5, CacheState.HALF},
            new Object[] {7, 7, CacheState.EMPTY}, new Object[] {8, 7, CacheState.HALF});

    /** Median durations in seconds for a healthy run: 2.73x at 3, 4.0x at 5, 4.23x at 7 workers. */
    public static final double[] HEALTHY_SECONDS = {60.0, 31.0, 22.0, 12.0, 15.0, 8.0, 14.2, 7.0};

    private Fixtures() {}

    /** Real-run metadata with fixed environment and times; the caller sets repetitions etc. on it. */
    public static RunMetadata.Builder realMetadata(int repetitions) {
        var order = new ArrayList<Integer>();
        for (int r = 0; r < repetitions; r++) {
            IntStream.rangeClosed(1, 8).forEach(order::add);
        }
        return RunMetadata.builder()
                .toolVersion("0.1.0")
                .apiUrl(VSCAN_URL)
                .environment(ENVIRONMENT)
                .datasetSize(DATASET)
                .startedAt(STARTED)
                .endedAt(ENDED)
                .totalRequests(1_234)
                .warmup(true)
                .order(ScenarioOrder.fixed(order))
                .repetitions(repetitions)
                .timeScale(1.0);
    }

    /** Simulated-run metadata: the vscan profile at time scale 0.05, with ground truth. */
    public static RunMetadata.Builder simulatedMetadata(int repetitions, long groundTruthRequests) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("latencyMs", 450);
        settings.put("rateLimitRps", 4.0);
        settings.put("burst", 8);
        settings.put("errorRate", 0.0);
        settings.put("seed", 42);
        var truth = new LinkedHashMap<String, Object>();
        truth.put("requests", groundTruthRequests);
        truth.put("requestsByEndpoint", Map.of("analyze", 240, "status", 480, "results", 240));
        truth.put("http429", 0);
        truth.put("http5xx", 0);
        truth.put("faultsInjected", 0);
        truth.put("maxInFlight", 7);
        truth.put("analysesStarted", 30);
        return realMetadata(repetitions)
                .apiUrl(SIM_URL)
                .simulated("vscan", settings)
                .groundTruth(truth)
                .timeScale(0.05);
    }

    /**
     * A healthy repetition: every input succeeds, the cache state is as promised, no 429, checks
     * pass, stats agree. {@code seconds} is wall-clock.
     */
    public static Repetition.Builder healthy(int workers, CacheState state, double seconds) {
        int cached = state.expectedCached(DATASET);
        int fresh = DATASET - cached;
        double perExtension = seconds * workers / DATASET;
        return Repetition.builder()
                .duration(seconds(seconds))
                .inputs(DATASET)
                .outcomes(DATASET)
                .successes(DATASET)
                .cached(cached)
                .fresh(fresh)
                .errors(Map.of())
                .requests(fresh * 3L)
                .http429(0)
                .retries(0)
                .latency(new LatencyPercentiles(seconds(perExtension), seconds(perExtension * 1.5),
                        seconds(perExtension * 2), seconds(perExtension * 2.2)))
                .phases(new PhaseLatency(
                        new LatencyPercentiles(seconds(0.4), seconds(0.9), seconds(1.4), seconds(1.6)),
                        new LatencyPercentiles(seconds(perExtension * 0.6), seconds(perExtension), seconds(perExtension * 1.6),
                                seconds(perExtension * 1.8)),
                        new LatencyPercentiles(seconds(0.3), seconds(0.7), seconds(1.1), seconds(1.2))))
                .cacheCheck(true, true, "integrity_check ok; " + cached + " cached rows parse and match")
                .sqliteBusy(0)
                .stats(true, "stats and outcomes agree: " + DATASET + " successes (" + cached
                        + " cached), 0 failures");
    }

    /** A scenario of the brief's matrix, one repetition per duration, each tweaked by {@code tweak}. */
    public static ScenarioResult scenario(int test, UnaryOperator<Repetition.Builder> tweak, double... seconds) {
        var spec = MATRIX.get(test - 1);
        int workers = (int) spec[1];
        var state = (CacheState) spec[2];
        var reps = new ArrayList<Repetition>();
        for (double s : seconds) {
            reps.add(tweak.apply(healthy(workers, state, s)).build());
        }
        return new ScenarioResult(test, workers, state, reps);
    }

    /** The healthy matrix with {@code repetitions} runs per scenario (durations vary ±2% between runs). */
    public static List<ScenarioResult> healthyMatrix(int repetitions, double timeScale, UnaryOperator<Repetition.Builder> tweak) {
        var scenarios = new ArrayList<ScenarioResult>();
        for (int test = 1; test <= 8; test++) {
            scenarios.add(scenario(test, tweak, spread(HEALTHY_SECONDS[test - 1] * timeScale, repetitions)));
        }
        return scenarios;
    }

    /** The GO model: a real, complete, healthy run with 3 repetitions. */
    public static RunResults go() {
        return new RunResults(realMetadata(3).build(), healthyMatrix(3, 1.0, b -> b));
    }

    /** The simulated model: a healthy run against poc-sim at time scale 0.05, one repetition. */
    public static RunResults simulated() {
        var scenarios = healthyMatrix(1, 0.05, Fixtures::withGroundTruth);
        long total = scenarios.stream().flatMap(s -> s.repetitions().stream()).mapToLong(Repetition::requests).sum();
        return new RunResults(simulatedMetadata(1, total).build(), scenarios);
    }

    /** The simulated run interrupted after test 3. */
    public static RunResults partial() {
        var scenarios = healthyMatrix(1, 0.05, Fixtures::withGroundTruth).subList(0, 3);
        long total = scenarios.stream().flatMap(s -> s.repetitions().stream()).mapToLong(Repetition::requests).sum();
        return new RunResults(simulatedMetadata(1, total).partial(true).endedAt(STARTED.plusSeconds(21)).build(), scenarios);
    }

    /**
     * The NO-GO model, a real run with one repetition, no warm-up, shuffled, and the earlier PoC's
     * kind of trouble: 5 retried 429s at 3 workers and a 1.5x speedup there, a super-linear 5-worker
     * run, a 50/50 scenario that served nothing from the cache, and a 7-worker run that failed a
     * third of its scans on 429s.
     */
    public static RunResults noGo() {
        var scenarios = new ArrayList<ScenarioResult>();
        scenarios.add(scenario(1, b -> b, 60.0));
        scenarios.add(scenario(2, b -> b, 31.0));
        scenarios.add(scenario(3, b -> b.http429(5).retries(5).requests(95), 40.0));
        scenarios.add(scenario(4, b -> b.cached(0).fresh(30).requests(90)
                .stats(true, "stats and outcomes agree: 30 successes (0 cached), 0 failures"), 20.0));
        scenarios.add(scenario(5, b -> b, 11.0));
        scenarios.add(scenario(6, b -> b, 8.0));
        scenarios.add(scenario(7, b -> b.successes(20).fresh(20)
                .errors(Map.of(ErrorCategory.RATE_LIMITED, 8L, ErrorCategory.ANALYSIS_FAILED, 2L))
                .http429(32).retries(24).requests(114)
                .stats(true, "stats and outcomes agree: 20 successes (0 cached), 10 failures"), 9.5));
        scenarios.add(scenario(8, b -> b, 7.0));
        var metadata = realMetadata(1)
                .warmup(false)
                .order(ScenarioOrder.shuffled(List.of(3, 1, 7, 5, 2, 8, 4, 6)))
                .build();
        return new RunResults(metadata, scenarios);
    }

    /** The four golden models, named, for parameterised tests: go, no-go, simulated, partial. */
    public static Stream<Arguments> namedModels() {
        return Stream.of(
                Arguments.of("go", (Supplier<RunResults>) Fixtures::go),
                Arguments.of("no-go", (Supplier<RunResults>) Fixtures::noGo),
                Arguments.of("simulated", (Supplier<RunResults>) Fixtures::simulated),
                Arguments.of("partial", (Supplier<RunResults>) Fixtures::partial));
    }

    /** Adds simulator counts equal to the client's. */
    public static Repetition.Builder withGroundTruth(Repetition.Builder builder) {
        var probe = builder.build();
        return builder.simulator(probe.requests(), probe.http429());
    }

    /** {@code count} durations around {@code median}: the median itself, then ±2%, ±1%, ... */
    public static double[] spread(double median, int count) {
        double[] factors = {1.0, 1.02, 0.98, 1.01, 0.99};
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = median * factors[i % factors.length];
        }
        return out;
    }

    public static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
