package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The named profiles hold the values docs/simulator.md explains, and every knob can be overridden. */
class ProfilesTest {

    @Test
    void namesAndLookup() {
        assertEquals(List.of("vscan", "ideal", "strict", "flaky"), SimulatorProfile.names());
        assertEquals(SimulatorProfile.IDEAL, SimulatorProfile.named("IDEAL").orElseThrow());
        assertTrue(SimulatorProfile.named("nope").isEmpty());
        assertTrue(SimulatorProfile.named(null).isEmpty());
        assertEquals("vscan", SimulatorConfig.builder().build().profile(), "the builder's default is vscan");
    }

    @Test
    void vscanProfileIsTheCalibratedOne() {
        SimulatorConfig c = SimulatorProfile.VSCAN.config();
        assertEquals(new RateLimit(2.5, 5), c.rateLimit());
        assertEquals(RetryAfterStyle.SECONDS, c.retryAfter());
        assertEquals(0.9, c.preAnalysedFraction());
        assertEquals(DurationDistribution.uniform(Duration.ofSeconds(30), Duration.ofSeconds(45)), c.analysisTime());
        for (Endpoint endpoint : Endpoint.values()) {
            var latency = assertInstanceOf(DurationDistribution.LogNormal.class, c.latency().get(endpoint));
            assertTrue(latency.median().compareTo(Duration.ofMillis(300)) >= 0
                    && latency.median().compareTo(Duration.ofSeconds(1)) <= 0, endpoint + " " + latency);
        }
        assertEquals(new ConcurrencyKnee(4, 0.10), c.concurrencyKnee());
        assertEquals(32, c.maxInFlight());
        assertEquals(503, c.overCapacityStatus());
        assertEquals(0.005, c.faultRates().stream().mapToDouble(FaultRate::probability).sum(), 1e-12);
        assertTrue(c.faultRates().stream().allMatch(r -> r.fault() instanceof Fault.HttpError));
        assertEquals(SimulatorProfile.UNKNOWN_PREFIX, c.unknownExtensionPrefix());
        assertEquals(1.0, c.timeScale());
        assertEquals(0, c.port());
    }

    @Test
    void idealProfileMeasuresTheScanner() {
        SimulatorConfig c = SimulatorProfile.IDEAL.config();
        assertEquals("ideal", c.profile());
        for (Endpoint endpoint : Endpoint.values()) {
            assertEquals(DurationDistribution.fixed(Duration.ofMillis(500)), c.latency().get(endpoint));
        }
        assertEquals(1.0, c.preAnalysedFraction());
        assertNull(c.rateLimit());
        assertNull(c.concurrencyKnee());
        assertEquals(0, c.maxInFlight());
        assertTrue(c.faultRates().isEmpty());
        assertEquals(0, c.analysisFailureRate());
        assertEquals(0, c.analysisNeverCompletesRate());
    }

    @Test
    void strictAndFlakyProfiles() {
        SimulatorConfig strict = SimulatorProfile.STRICT.config();
        assertEquals(new RateLimit(1.0, 2), strict.rateLimit());
        assertEquals(RetryAfterStyle.NONE, strict.retryAfter());
        assertEquals(429, strict.overCapacityStatus());
        SimulatorConfig flaky = SimulatorProfile.FLAKY.config();
        Set<Class<?>> kinds = new java.util.HashSet<>();
        flaky.faultRates().forEach(r -> kinds.add(r.fault().getClass()));
        assertEquals(Set.of(Fault.HttpError.class, Fault.Disconnect.class, Fault.MalformedBody.class,
                Fault.Delay.class, Fault.OversizeBody.class), kinds);
        assertTrue(flaky.analysisFailureRate() > 0 && flaky.analysisNeverCompletesRate() > 0);
    }

    @Test
    void everyKnobCanBeOverridden() {
        SimulatorConfig c = SimulatorProfile.VSCAN.builder()
                .port(8123).seed(9).timeScale(0.05).latency(Duration.ofMillis(10)).concurrencyKnee(null)
                .preAnalysedFraction(0.5).preAnalysedIds(Set.of("A.B")).onDemandIds(Set.of("C.D"))
                .analysisTime(DurationDistribution.fixed(Duration.ofSeconds(5))).unknownExtensionPrefix("gone-")
                .unknownExtensions(Set.of("E.F")).rateLimit(7, 3).retryAfter(RetryAfterStyle.NONE).maxInFlight(4)
                .overCapacityStatus(429).errorRate(0.1).analysisFailureRate(0.1).analysisNeverCompletesRate(0.1)
                .requestLogCapacity(5).profile("custom").build();
        assertEquals(8123, c.port());
        assertEquals(9, c.seed());
        assertEquals(0.05, c.timeScale());
        assertEquals(DurationDistribution.fixed(Duration.ofMillis(10)), c.latency().get(Endpoint.RESULTS));
        assertEquals(Set.of("a.b"), c.preAnalysedIds(), "IDs are case-folded");
        assertEquals(Set.of("c.d"), c.onDemandIds());
        assertEquals(Set.of("e.f"), c.unknownExtensions());
        assertEquals(new RateLimit(7, 3), c.rateLimit());
        assertEquals(4, c.faultRates().size());
        assertEquals(0.1, c.faultRates().stream().mapToDouble(FaultRate::probability).sum(), 1e-12);
        assertEquals("custom", c.profile());
        assertEquals(c, c.toBuilder().build(), "a builder round-trips");
    }

    @Test
    void errorRateReplacesOnlyHttpErrors() {
        SimulatorConfig flaky = SimulatorProfile.FLAKY.builder().errorRate(0).build();
        assertTrue(flaky.faultRates().stream().noneMatch(r -> r.fault() instanceof Fault.HttpError));
        assertEquals(SimulatorProfile.FLAKY.config().faultRates().size() - 4, flaky.faultRates().size());
    }

    @Test
    void invalidValuesAreRefusedWithTheirName() {
        var b = SimulatorProfile.VSCAN;
        assertMessage("time scale", () -> b.builder().timeScale(0).build());
        assertMessage("time scale", () -> b.builder().timeScale(1e-9).build());
        assertMessage("port", () -> b.builder().port(70000).build());
        assertMessage("pre-analysed fraction", () -> b.builder().preAnalysedFraction(1.5).build());
        assertMessage("over-capacity status", () -> b.builder().overCapacityStatus(500).build());
        assertMessage("add up", () -> b.builder().addFaultRate(Fault.truncatedJson(), 0.999).build());
        assertMessage("max in flight", () -> b.builder().maxInFlight(-1).build());
        assertMessage("burst", () -> b.builder().rateLimit(1, 0));
        assertMessage("rate limit", () -> b.builder().rateLimit(0, 1));
        assertMessage("error rate", () -> b.builder().errorRate(2));
        assertMessage("analysis faults", () -> new FaultRate(Fault.analysisFails(), 0.1));
        assertMessage("sigma", () -> DurationDistribution.logNormal(Duration.ofSeconds(1), -1));
        assertMessage("below min", () -> DurationDistribution.uniform(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertMessage("4xx or 5xx", () -> Fault.httpError(200));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable executable) {
        var e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
