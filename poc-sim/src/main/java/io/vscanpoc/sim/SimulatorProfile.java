package io.vscanpoc.sim;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Named starting points for a {@link SimulatorConfig}. The numbers are assumptions, not facts about
 * vscan.dev (which documents none); docs/simulator.md gives the reasoning behind each.
 */
public enum SimulatorProfile {

    /**
     * Plausible vscan.dev, the default of {@code --simulate}: log-normal latency of roughly 0.3-1 s,
     * 90% of extensions pre-analysed and the rest analysed on demand in 30-45 s, 2.5 requests per
     * second sustained with a burst of 5 (3 paced workers stay under it, 7 exceed it), a concurrency
     * knee at 4 with a hard cap at 32, and 0.5% 5xx.
     */
    VSCAN("vscan", "plausible vscan.dev: 0.3-1 s latency, 90% pre-analysed, 2.5 rps burst 5, rare 5xx"),

    /**
     * A perfect service that measures the scanner itself: 500 ms fixed latency, everything
     * pre-analysed, no limits, no faults.
     */
    IDEAL("ideal", "perfect service: 500 ms fixed latency, all pre-analysed, no limits, no faults"),

    /**
     * A stricter service than assumed: 1 request per second with a burst of 2, no Retry-After, at
     * most 2 requests in flight (429 beyond), half the extensions analysed on demand. Even 3 paced
     * workers are throttled: the PoC's NO-GO path.
     */
    STRICT("strict", "stricter service: 1 rps burst 2 without Retry-After, 2 in flight, half on demand"),

    /**
     * The {@code vscan} profile with every fault kind at a few percent per request, 5% of
     * on-demand analyses failing and 2% never completing: exercises the client's error handling.
     */
    FLAKY("flaky", "vscan plus faults: 3% 5xx, resets, malformed and slow answers, failing analyses");

    /** The prefix that makes an extension unknown in every profile. */
    public static final String UNKNOWN_PREFIX = "no-such-";

    private static final long DEFAULT_SEED = 1;
    private static final int DEFAULT_LOG_CAPACITY = 10_000;

    private final String profileName;
    private final String summary;

    SimulatorProfile(String profileName, String summary) {
        this.profileName = profileName;
        this.summary = summary;
    }

    /** The name used on the command line ({@code --sim-profile}). */
    public String profileName() {
        return profileName;
    }

    /** One line saying what the profile models. */
    public String summary() {
        return summary;
    }

    /** The profile's configuration, on a free port at time scale 1. */
    public SimulatorConfig config() {
        return switch (this) {
            case VSCAN -> vscan().build();
            case IDEAL -> vscan()
                    .profile(profileName)
                    .latency(ofMillis(500))
                    .concurrencyKnee(null)
                    .preAnalysedFraction(1.0)
                    .noRateLimit()
                    .maxInFlight(0)
                    .noFaults()
                    .build();
            case STRICT -> vscan()
                    .profile(profileName)
                    .preAnalysedFraction(0.5)
                    .rateLimit(1.0, 2)
                    .retryAfter(RetryAfterStyle.NONE)
                    .maxInFlight(2)
                    .overCapacityStatus(429)
                    .build();
            case FLAKY -> vscan()
                    .profile(profileName)
                    .errorRate(0.03)
                    .addFaultRate(Fault.closeMidBody(), 0.005)
                    .addFaultRate(Fault.closeBeforeResponse(), 0.005)
                    .addFaultRate(Fault.truncatedJson(), 0.005)
                    .addFaultRate(Fault.wrongTypes(), 0.0025)
                    .addFaultRate(Fault.htmlErrorPage(), 0.0025)
                    .addFaultRate(Fault.delay(ofSeconds(60)), 0.005)
                    .addFaultRate(Fault.oversizeBody(50L * 1024 * 1024), 0.001)
                    .analysisFailureRate(0.05)
                    .analysisNeverCompletesRate(0.02)
                    .build();
        };
    }

    /** A builder holding {@link #config()}. */
    public SimulatorConfig.Builder builder() {
        return config().toBuilder();
    }

    /** The profile called {@code name} (ignoring case). */
    public static Optional<SimulatorProfile> named(String name) {
        return Arrays.stream(values())
                .filter(p -> p.profileName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Every profile name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(SimulatorProfile::profileName).toList();
    }

    private static SimulatorConfig.Builder vscan() {
        var base = new SimulatorConfig(
                VSCAN.profileName,
                0,
                DEFAULT_SEED,
                1.0,
                java.util.Map.of(
                        Endpoint.ANALYZE, DurationDistribution.logNormal(ofMillis(600), 0.35),
                        Endpoint.STATUS, DurationDistribution.logNormal(ofMillis(400), 0.35),
                        Endpoint.RESULTS, DurationDistribution.logNormal(ofMillis(700), 0.30)),
                new ConcurrencyKnee(4, 0.10),
                0.9,
                Set.of(),
                Set.of(),
                DurationDistribution.uniform(ofSeconds(30), ofSeconds(45)),
                UNKNOWN_PREFIX,
                Set.of(),
                new RateLimit(2.5, 5),
                RetryAfterStyle.SECONDS,
                32,
                503,
                List.of(
                        new FaultRate(Fault.httpError(500), 0.001),
                        new FaultRate(Fault.httpError(502), 0.0015),
                        new FaultRate(Fault.httpError(503), 0.0015),
                        new FaultRate(Fault.httpError(504), 0.001)),
                0.0,
                0.0,
                DEFAULT_LOG_CAPACITY);
        return base.toBuilder();
    }
}
