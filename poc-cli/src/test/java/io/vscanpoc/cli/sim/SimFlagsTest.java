package io.vscanpoc.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParametersDelegate;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.sim.DurationDistribution;
import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import io.vscanpoc.sim.FaultRate;
import io.vscanpoc.sim.RateLimit;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared --sim-* flags, parsed by jcommander as a delegate, and what they make of a profile. */
class SimFlagsTest {

    /** A command that embeds the flags the way run and discover do. */
    static final class Host {
        @ParametersDelegate
        SimFlags sim = new SimFlags();
    }

    static SimFlags parse(String... args) {
        var host = new Host();
        JCommander.newBuilder().addObject(host).build().parse(args);
        return host.sim;
    }

    @Test
    void noFlagsIsTheVscanProfileAtTheGivenTimeScale() {
        SimulatorConfig config = parse().toConfig(0.05);
        assertEquals(SimulatorProfile.VSCAN.config().toBuilder().timeScale(0.05).build(), config);
    }

    @Test
    void everyFlagOverridesItsKnob() {
        SimulatorConfig config = parse("--sim-profile", "IDEAL", "--sim-latency-ms", "25", "--sim-rate-limit", "4",
                "--sim-burst", "2", "--sim-max-in-flight", "6", "--sim-error-rate", "0.2", "--sim-seed", "99")
                .toConfig(0.5);
        assertEquals("ideal", config.profile());
        for (Endpoint endpoint : Endpoint.values()) {
            assertEquals(DurationDistribution.fixed(Duration.ofMillis(25)), config.latency().get(endpoint));
        }
        assertEquals(new RateLimit(4, 2), config.rateLimit());
        assertEquals(6, config.maxInFlight());
        assertEquals(0.2, config.faultRates().stream().mapToDouble(FaultRate::probability).sum(), 1e-12);
        assertTrue(config.faultRates().stream().allMatch(r -> r.fault() instanceof Fault.HttpError));
        assertEquals(99, config.seed());
        assertEquals(0.5, config.timeScale());
        assertEquals(0, config.port());
    }

    @Test
    void rateLimitZeroTurnsTheLimitOff() {
        assertNull(parse("--sim-rate-limit", "0").toConfig(1).rateLimit());
    }

    @Test
    void rateOrBurstAloneKeepTheOtherFromTheProfile() {
        assertEquals(new RateLimit(9, 5), parse("--sim-rate-limit", "9").toConfig(1).rateLimit());
        assertEquals(new RateLimit(2.5, 1), parse("--sim-burst", "1").toConfig(1).rateLimit());
        assertEquals(new RateLimit(3, SimFlags.DEFAULT_BURST),
                parse("--sim-profile", "ideal", "--sim-rate-limit", "3").toConfig(1).rateLimit(),
                "a profile without a limit takes the vscan profile's burst");
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        var e = assertThrows(UsageException.class, () -> parse("--sim-profile", "fast").toConfig(1));
        assertEquals("--sim-profile: unknown profile 'fast'; known profiles: vscan, ideal, strict, flaky",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--sim-latency-ms|-1|--sim-latency-ms must be between 0 and 600000, got -1",
        "--sim-rate-limit|-2|--sim-rate-limit must be 0 (no limit) or a positive number of requests per second, got -2.0",
        "--sim-rate-limit|NaN|--sim-rate-limit must be 0 (no limit) or a positive number of requests per second, got NaN",
        "--sim-burst|0|--sim-burst must be at least 1, got 0",
        "--sim-max-in-flight|-1|--sim-max-in-flight must be 0 (no cap) or more, got -1",
        "--sim-error-rate|1.5|--sim-error-rate must be between 0 and 1, got 1.5"})
    void badValuesAreOneClearLine(String flag, String value, String message) {
        var e = assertThrows(UsageException.class, () -> parse(flag, value).toConfig(1));
        assertEquals(message, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void burstWithoutAnyRateLimitIsRefused() {
        var e = assertThrows(UsageException.class,
                () -> parse("--sim-profile", "ideal", "--sim-burst", "3").toConfig(1));
        assertEquals("--sim-burst needs a rate limit, and profile 'ideal' has none: add --sim-rate-limit",
                e.getMessage());
        var off = assertThrows(UsageException.class,
                () -> parse("--sim-rate-limit", "0", "--sim-burst", "3").toConfig(1));
        assertTrue(off.getMessage().contains("--sim-rate-limit 0 turns it off"), off.getMessage());
    }

    @Test
    void timeScaleOutsideTheSimulatorsRangeIsAUsageError() {
        var e = assertThrows(UsageException.class, () -> parse().toConfig(1e-9));
        assertTrue(e.getMessage().startsWith("the simulator's time scale must be between"), e.getMessage());
    }
}
