package io.vscanpoc.core.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.CacheAware;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.StatsSnapshot;
import io.vscanpoc.core.testing.FakeVscanClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many short tasks with random outcomes and latencies (yields and microsecond parks, not
 * millisecond sleeps), checking each time that the lock-free stats equal what the outcomes add up
 * to, exactly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ParallelScannerStressTest {

    private static final int TASKS = 10_000;
    private static final int WORKERS = 64;
    private static final ExtensionId ID = ExtensionId.parse("stress.item");
    private static final ErrorCategory[] THROWABLE = Arrays.stream(ErrorCategory.values())
            .filter(c -> c != ErrorCategory.CANCELLED)
            .toArray(ErrorCategory[]::new);
    private static final List<Integer> ITEMS = IntStream.range(0, TASKS).boxed().toList();

    private record Value(boolean fromCache) implements CacheAware {}

    /** What item {@code item} does in round {@code seed}: decided up front, so it is reproducible. */
    private static Value randomTask(long seed, int item) throws Exception {
        var random = new SplittableRandom(seed * 1_000_003L + item);
        int latency = random.nextInt(100);
        if (latency < 10) {
            LockSupport.parkNanos(random.nextLong(1_000, 50_000));
        } else {
            for (int i = 0; i < latency % 4; i++) {
                Thread.yield();
            }
        }
        int fate = random.nextInt(100);
        if (fate < 25) {
            Exception e = FakeVscanClient.exceptionFor(THROWABLE[random.nextInt(THROWABLE.length)], ID);
            throw e;
        }
        if (fate < 27) {
            return null;
        }
        return new Value(fate < 45);
    }

    @Test
    void statsEqualTheOutcomesExactlyFiftyTimesOver() {
        ParallelScanner<Integer, Value> scanner =
                ParallelScanner.<Integer, Value>builder().maxConcurrency(WORKERS).build();
        for (int round = 0; round < 50; round++) {
            long seed = round;
            var report = scanner.scan(ITEMS, item -> randomTask(seed, item));
            assertEquals(ScanReport.StopReason.COMPLETED, report.stop());
            assertStatsMatchOutcomes(report, "round " + round);
            assertTrue(report.stats().peakConcurrency() <= WORKERS);
        }
    }

    @Test
    void statsStayExactWhenAFailFastStopCutsTheScanShort() {
        // BUDGET_EXHAUSTED is rare (1 in 11 of 25%), so each round stops at a different point with
        // tasks in flight, some never started and some cancelled while running.
        ParallelScanner<Integer, Value> scanner = ParallelScanner.<Integer, Value>builder()
                .maxConcurrency(WORKERS)
                .failurePolicy(FailurePolicy.failFastOn(ErrorCategory.BUDGET_EXHAUSTED))
                .build();
        for (int round = 0; round < 20; round++) {
            long seed = 1000 + round;
            var report = scanner.scan(ITEMS, item -> randomTask(seed, item));
            assertEquals(ScanReport.StopReason.FAIL_FAST, report.stop(), "round " + round);
            assertStatsMatchOutcomes(report, "fail-fast round " + round);
        }
    }

    private static void assertStatsMatchOutcomes(ScanReport<Integer, Value> report, String round) {
        var outcomes = report.outcomes();
        assertEquals(TASKS, outcomes.size(), round);
        long successes = 0;
        long cacheHits = 0;
        var failures = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        long[] durations = new long[TASKS];
        int ran = 0;
        for (int i = 0; i < TASKS; i++) {
            var outcome = outcomes.get(i);
            assertEquals(i, outcome.index(), round);
            assertEquals(i, outcome.item(), round);
            switch (outcome) {
                case ScanOutcome.Success<Integer, Value> s -> {
                    successes++;
                    cacheHits += s.fromCache() ? 1 : 0;
                    durations[ran++] = s.duration().toNanos();
                }
                case ScanOutcome.Failure<Integer, Value> f -> {
                    failures.merge(f.category(), 1L, Long::sum);
                    if (f.started()) {
                        durations[ran++] = f.duration().toNanos();
                    }
                }
            }
        }
        StatsSnapshot stats = report.stats();
        assertEquals(successes, stats.successes(), round);
        assertEquals(cacheHits, stats.cacheHits(), round);
        for (var category : ErrorCategory.values()) {
            assertEquals(failures.getOrDefault(category, 0L), stats.failures(category), round + " " + category);
        }
        assertEquals(TASKS, stats.total(), round);
        assertEquals(0, stats.inFlight(), round);
        assertEquals(ran, stats.latency().count(), round);
        long[] sorted = Arrays.copyOf(durations, ran);
        Arrays.sort(sorted);
        assertEquals(Duration.ofNanos(sorted[ran - 1]), stats.latency().max(), round);
        assertWithinHistogramError(sorted, 0.50, stats.latency().p50(), round);
        assertWithinHistogramError(sorted, 0.90, stats.latency().p90(), round);
        assertWithinHistogramError(sorted, 0.99, stats.latency().p99(), round);
    }

    private static void assertWithinHistogramError(long[] sorted, double q, Duration reported, String round) {
        long exact = sorted[(int) Math.ceil(q * sorted.length) - 1];
        long value = reported.toNanos();
        assertTrue(Math.abs(value - exact) <= exact / 128.0 + 1,
                round + ": p" + (int) (q * 100) + " exact " + exact + " reported " + value);
    }
}
