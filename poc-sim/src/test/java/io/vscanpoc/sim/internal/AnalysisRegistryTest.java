package io.vscanpoc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.sim.DurationDistribution;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import io.vscanpoc.sim.internal.AnalysisRegistry.Outcome;
import io.vscanpoc.sim.internal.AnalysisRegistry.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server side of the workflow on a hand-driven vscan clock. */
class AnalysisRegistryTest {

    private static final long S = 1_000_000_000L;

    private static AnalysisRegistry registry(SimulatorConfig config) {
        return new AnalysisRegistry(config, new ExtensionCatalogue(config));
    }

    private static SimulatorConfig.Builder onDemand() {
        return SimulatorProfile.IDEAL.builder().preAnalysedFraction(0);
    }

    @Test
    void onDemandAnalysisGoesPendingAnalyzingCompletedWithRisingProgress() {
        var reg = registry(onDemand().analysisTime(DurationDistribution.fixed(Duration.ofSeconds(40))).build());
        var submitted = reg.submit("pub", "ext", 0, null);
        assertTrue(submitted.startedAnalysis());
        var a = submitted.analysis();
        assertEquals(40 * S, a.dueAt());
        var phases = new ArrayList<Phase>();
        int last = -1;
        for (long t = 0; t <= 45 * S; t += S / 2) {
            var status = reg.status(a, t);
            assertTrue(status.progress() >= last, "progress never falls");
            last = status.progress();
            phases.add(status.phase());
            assertEquals(t < 4 * S ? Phase.PENDING : t < 40 * S ? Phase.ANALYZING : Phase.COMPLETED, status.phase(),
                    "at " + t / 1e9 + " s");
        }
        assertEquals(100, last);
        assertEquals(40 * S, reg.status(a, 45 * S).updatedAt(), "updatedAt is when it completed");
    }

    @Test
    void analysisTimesFollowTheDistributionAndTheSeed() {
        var config = onDemand().build();
        var times = new ArrayList<Long>();
        for (int i = 0; i < 2000; i++) {
            times.add(registry(config).submit("pub", "ext" + i, 0, null).analysis().dueAt());
        }
        assertTrue(times.stream().allMatch(t -> t >= 30 * S && t <= 45 * S));
        double mean = times.stream().mapToLong(Long::longValue).average().orElseThrow() / S;
        assertEquals(37.5, mean, 0.4);
        assertEquals(times.get(7), registry(config).submit("pub", "ext7", 0, null).analysis().dueAt(),
                "the same ID gets the same analysis time for the same seed");
    }

    @Test
    void joinersShareTheRunningAnalysisAndLaterOnesFindItCached() {
        var reg = registry(onDemand().build());
        var first = reg.submit("pub", "ext", 0, null);
        var joiner = reg.submit("PUB", "Ext", 5 * S, null);
        assertFalse(joiner.startedAnalysis());
        assertEquals(first.analysis().dueAt(), joiner.analysis().dueAt());
        assertFalse(joiner.analysis().cached());
        var later = reg.submit("pub", "ext", 100 * S, null);
        assertFalse(later.startedAnalysis());
        assertTrue(later.analysis().cached());
        assertEquals(Phase.COMPLETED, reg.status(later.analysis(), 100 * S).phase());
        reg.clear();
        assertTrue(reg.submit("pub", "ext", 200 * S, null).startedAnalysis(), "clear makes it cold");
    }

    @Test
    void failingAndStalledAnalysesCacheNothing() {
        var reg = registry(onDemand().build());
        var failing = reg.submit("pub", "ext", 0, Outcome.FAILS).analysis();
        assertEquals(Phase.FAILED, reg.status(failing, 50 * S).phase());
        assertTrue(reg.submit("pub", "ext", 60 * S, null).startedAnalysis(), "nothing was cached");
        var stalled = reg.submit("pub", "other", 0, Outcome.NEVER_COMPLETES).analysis();
        var late = reg.status(stalled, 10_000 * S);
        assertEquals(Phase.ANALYZING, late.phase());
        assertEquals(95, late.progress());
        assertTrue(reg.submit("pub", "other", 10 * S, null).startedAnalysis());
    }

    @Test
    void forcingOutcomesOnExistingAnalyses() {
        var reg = registry(SimulatorProfile.IDEAL.config());
        var a = reg.submit("pub", "ext", 0, null).analysis();
        assertEquals(Phase.COMPLETED, reg.status(a, 0).phase());
        var failed = reg.force(a, Outcome.FAILS, S);
        assertEquals(Phase.FAILED, reg.status(failed, S).phase());
        assertEquals(failed, reg.find(a.id()).orElseThrow());
    }

    @Test
    void idsAreUniqueVersion4Uuids() {
        var reg = registry(SimulatorProfile.IDEAL.config());
        var ids = new HashSet<java.util.UUID>();
        for (int i = 0; i < 5000; i++) {
            var id = reg.submit("pub", "ext", i, null).analysis().id();
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            ids.add(id);
        }
        assertEquals(5000, ids.size());
    }

    @Test
    void oldAnalysesAreForgotten() {
        var reg = registry(SimulatorProfile.IDEAL.config());
        var old = reg.submit("pub", "ext", 0, null).analysis();
        reg.submit("pub", "ext", 3601 * S, null);
        assertTrue(reg.find(old.id()).isEmpty(), "an hour later the ID is gone");
    }

    @Test
    void catalogueMatchesPrefixesAndListsIgnoringCase() {
        var config = SimulatorProfile.VSCAN.builder().unknownExtensions(Set.of("Gone.Ext")).preAnalysedIds(Set.of("X.Y"))
                .onDemandIds(Set.of("ms-python.python")).build();
        var catalogue = new ExtensionCatalogue(config);
        assertTrue(catalogue.isUnknown("No-Such-Pub", "x"));
        assertTrue(catalogue.isUnknown("pub", "NO-SUCH-ext"));
        assertTrue(catalogue.isUnknown("gone", "EXT"));
        assertFalse(catalogue.isUnknown("pub", "such-no"));
        assertTrue(catalogue.isPreAnalysed("x.y"));
        assertFalse(catalogue.isPreAnalysed("ms-python.python"));
    }
}
