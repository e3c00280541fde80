package io.vscanpoc.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.StatsSnapshot;
import io.vscanpoc.core.VulnerabilitySummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    private static final ExtensionId ID = ExtensionId.parse("ms-python.python");

    @Test
    void builderNamesEveryMissingValueACriterionRestsOn() {
        var error = assertThrows(IllegalStateException.class, () -> Repetition.builder().duration(Duration.ZERO).build());
        assertEquals("Repetition is missing inputs, outcomes, successes, cached, requests, http429, retries, cacheCheck,"
                + " sqliteBusy, stats", error.getMessage());
    }

    @Test
    void fromScanCountsTheOutcomesAndComparesThemWithTheStats() {
        var report = report(agreeingStats());
        var rep = Repetition.builder()
                .fromScan(report)
                .inputs(4)
                .requests(7)
                .http429(1)
                .retries(1)
                .cacheCheck(true, true, "ok")
                .sqliteBusy(0)
                .build();
        assertEquals(Duration.ofSeconds(9), rep.duration());
        assertEquals(4, rep.outcomes());
        assertEquals(3, rep.successes());
        assertEquals(1, rep.cached());
        assertEquals(2, rep.fresh());
        assertEquals(1, rep.errors(ErrorCategory.TIMEOUT));
        assertEquals(1, rep.totalErrors());
        assertEquals(0, rep.errors(ErrorCategory.NETWORK));
        assertTrue(rep.stats().agrees(), rep.stats().detail());
        // Tasks that started: 3 successes and the timeout (the cancelled one never ran).
        assertEquals(Duration.ofSeconds(4), rep.latency().max());
        // Phases only of the fresh scans: submits of 1 s and 3 s.
        assertEquals(Duration.ofSeconds(1), rep.phases().submit().p50());
        assertEquals(Duration.ofSeconds(3), rep.phases().submit().max());
    }

    @Test
    void fromScanDetectsStatsThatDisagreeWithTheOutcomes() {
        var stats = new StatsSnapshot(3, Map.of(ErrorCategory.TIMEOUT, 1L, ErrorCategory.NETWORK, 1L), 2, 0, 2,
                StatsSnapshot.Latency.NONE);
        var agreement = Repetition.builder().fromScan(report(stats)).inputs(4).requests(0).http429(0).retries(0)
                .cacheCheck(true, true, "ok").sqliteBusy(0).build().stats();
        assertFalse(agreement.agrees());
        assertTrue(agreement.detail().contains("cache hits: stats 2, outcomes 1"), agreement.detail());
        assertTrue(agreement.detail().contains("NETWORK: stats 1, outcomes 0"), agreement.detail());
    }

    @Test
    void errorsCoverEveryCategoryAndGroupAsTheJsonKeysSay() {
        var rep = io.vscanpoc.report.Fixtures.healthy(1, CacheState.EMPTY, 1.0)
                .errors(Map.of(ErrorCategory.CLIENT_ERROR, 2L, ErrorCategory.CANCELLED, 1L, ErrorCategory.CACHE, 4L))
                .build();
        assertEquals(ErrorCategory.values().length, rep.errors().size());
        assertEquals(3, rep.errors(ErrorGroup.OTHER));
        assertEquals(4, rep.errors(ErrorGroup.SQLITE));
        assertEquals(7, rep.totalErrors());
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> io.vscanpoc.report.Fixtures.healthy(1, CacheState.EMPTY, 1.0).http429(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> io.vscanpoc.report.Fixtures.healthy(1, CacheState.EMPTY, 1.0).duration(Duration.ofSeconds(-1)).build());
    }

    private static ScanReport<ExtensionId, ScanResult> report(StatsSnapshot stats) {
        var outcomes = new ArrayList<ScanOutcome<ExtensionId, ScanResult>>();
        outcomes.add(new ScanOutcome.Success<>(0, ID, fresh(1), Duration.ofSeconds(2)));
        outcomes.add(new ScanOutcome.Success<>(1, ID, ScanResult.cached(analysis()), Duration.ofMillis(1)));
        outcomes.add(new ScanOutcome.Success<>(2, ID, fresh(3), Duration.ofSeconds(4)));
        outcomes.add(new ScanOutcome.Failure<>(3, ID, ErrorCategory.TIMEOUT, "timed out", 0, Duration.ofSeconds(3),
                true, null));
        return new ScanReport<>(List.copyOf(outcomes), Duration.ofSeconds(9), stats, ScanReport.StopReason.COMPLETED);
    }

    private static StatsSnapshot agreeingStats() {
        return new StatsSnapshot(3, Map.of(ErrorCategory.TIMEOUT, 1L), 1, 0, 2, StatsSnapshot.Latency.NONE);
    }

    private static ScanResult fresh(int submitSeconds) {
        var timings = new PhaseTimings(Duration.ofSeconds(submitSeconds), 2, Duration.ofSeconds(1), Duration.ofMillis(500),
                4, 0, 0);
        return new ScanResult(analysis(), false, timings);
    }

    private static AnalysisResult analysis() {
        return new AnalysisResult(ID, "1.0.0", 82, RiskLevel.HIGH, VulnerabilitySummary.NONE,
                Instant.parse("2025-10-01T00:00:00Z"), false, "{}");
    }
}
