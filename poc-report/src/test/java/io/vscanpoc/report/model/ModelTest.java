package io.vscanpoc.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.Fixtures;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void cacheStatesHaveTheirJsonNamesAndPromises() {
        assertEquals("empty", CacheState.EMPTY.jsonName());
        assertEquals("50/50", CacheState.HALF.jsonName());
        assertEquals(CacheState.HALF, CacheState.fromJsonName("50/50"));
        assertThrows(IllegalArgumentException.class, () -> CacheState.fromJsonName("half"));
        assertEquals(0, CacheState.EMPTY.expectedCached(30));
        assertEquals(15, CacheState.HALF.expectedCached(30));
        assertEquals(15, CacheState.HALF.expectedCached(31));
    }

    @Test
    void errorGroupsMapCategoriesAsTheContractSays() {
        assertEquals(ErrorGroup.RATE_LIMIT, ErrorGroup.of(ErrorCategory.RATE_LIMITED));
        assertEquals(ErrorGroup.TIMEOUT, ErrorGroup.of(ErrorCategory.TIMEOUT));
        assertEquals(ErrorGroup.SERVER, ErrorGroup.of(ErrorCategory.SERVER_ERROR));
        assertEquals(ErrorGroup.SQLITE, ErrorGroup.of(ErrorCategory.CACHE));
        assertEquals(ErrorGroup.NETWORK, ErrorGroup.of(ErrorCategory.NETWORK));
        assertEquals(ErrorGroup.MALFORMED, ErrorGroup.of(ErrorCategory.MALFORMED_RESPONSE));
        assertEquals(ErrorGroup.NOT_FOUND, ErrorGroup.of(ErrorCategory.NOT_FOUND));
        for (var other : EnumSet.of(ErrorCategory.CLIENT_ERROR, ErrorCategory.ANALYSIS_FAILED,
                ErrorCategory.BUDGET_EXHAUSTED, ErrorCategory.CANCELLED, ErrorCategory.INTERNAL)) {
            assertEquals(ErrorGroup.OTHER, ErrorGroup.of(other));
        }
        assertEquals(List.of("rateLimit", "timeout", "server", "sqlite", "network", "malformed", "notFound", "other"),
                java.util.Arrays.stream(ErrorGroup.values()).map(ErrorGroup::jsonKey).toList());
    }

    @Test
    void scenarioDerivesTheExpectedCacheHitsFromItsState() {
        var rep = Fixtures.healthy(3, CacheState.HALF, 10).build();
        assertEquals(15, new ScenarioResult(4, 3, CacheState.HALF, List.of(rep)).expectedCached());
        assertEquals(0, new ScenarioResult(3, 3, CacheState.EMPTY, List.of(rep)).expectedCached());
        assertThrows(IllegalArgumentException.class, () -> new ScenarioResult(1, 1, CacheState.EMPTY, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScenarioResult(1, 0, CacheState.EMPTY, List.of(rep)));
    }

    @Test
    void aTestNumberAppearsOnce() {
        var scenario = Fixtures.scenario(1, b -> b, 60.0);
        assertThrows(IllegalArgumentException.class,
                () -> new RunResults(Fixtures.realMetadata(1).build(), List.of(scenario, scenario)));
    }

    @Test
    void metadataBuilderNamesWhatIsMissingAndDefaultsTheRest() {
        var error = assertThrows(IllegalStateException.class, () -> RunMetadata.builder().apiUrl("x").build());
        assertEquals("RunMetadata is missing datasetSize, startedAt, endedAt, totalRequests, warmup, order, repetitions",
                error.getMessage());
        var metadata = Fixtures.realMetadata(1).environment(null).build();
        assertEquals(Environment.current(), metadata.environment());
        assertFalse(metadata.simulated());
        assertNull(metadata.simulation());
        assertEquals(1.0, metadata.timeScale());
    }

    @Test
    void groundTruthOnlyForASimulatedRun() {
        assertThrows(IllegalStateException.class,
                () -> Fixtures.realMetadata(1).groundTruth(Map.of("requests", 1)).build());
        var settings = new HashMap<String, Object>();
        settings.put("seed", null);
        var simulated = Fixtures.realMetadata(1).simulated("vscan", settings).build();
        assertTrue(simulated.simulated());
        assertNull(simulated.simulation().groundTruth());
        assertTrue(simulated.simulation().settings().containsKey("seed"));
    }

    @Test
    void timeScaleAndRepetitionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.realMetadata(1).timeScale(0).build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.realMetadata(1).timeScale(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.realMetadata(1).repetitions(0).build());
    }

    @Test
    void environmentReadsThisJvm() {
        var environment = Environment.current();
        assertEquals(System.getProperty("java.version"), environment.javaVersion());
        assertEquals(Runtime.getRuntime().availableProcessors(), environment.cores());
    }

    @Test
    void latencyPercentilesByNearestRank() {
        var durations = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();
        var latency = LatencyPercentiles.of(durations);
        assertEquals(Duration.ofMillis(50), latency.p50());
        assertEquals(Duration.ofMillis(90), latency.p90());
        assertEquals(Duration.ofMillis(99), latency.p99());
        assertEquals(Duration.ofMillis(100), latency.max());
        assertEquals(LatencyPercentiles.NONE, LatencyPercentiles.of(List.of()));
    }
}
