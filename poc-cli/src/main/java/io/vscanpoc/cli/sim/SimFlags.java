package io.vscanpoc.cli.sim;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.sim.RateLimit;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import java.time.Duration;

/**
 * The simulator flags shared by {@code vscan-poc --simulate}, {@code vscan-poc discover --simulate}
 * and {@code vscan-poc sim}; add it to a command with {@code @ParametersDelegate}. Each flag
 * overrides one knob of the chosen profile; durations and rates are in vscan time (the time of the
 * real service, docs/time-scale.md).
 */
public final class SimFlags {

    /** Burst used with {@code --sim-rate-limit} when the profile itself has no rate limit. */
    static final int DEFAULT_BURST = SimulatorProfile.VSCAN.config().rateLimit().burst();
    private static final long MAX_LATENCY_MS = 600_000;

    @Parameter(names = "--sim-profile",
            description = "Simulator behaviour: vscan (plausible vscan.dev, the default), ideal (no limits, "
                    + "no faults, fixed latency), strict (tight rate limit), flaky (frequent faults)")
    public String profile = SimulatorProfile.VSCAN.profileName();

    @Parameter(names = "--sim-latency-ms",
            description = "Fixed latency of every simulated request, in vscan milliseconds (replaces the "
                    + "profile's latency model)")
    public Long latencyMs;

    @Parameter(names = "--sim-rate-limit",
            description = "Requests per vscan second the simulator admits before answering 429 (token "
                    + "bucket); 0 for no limit")
    public Double rateLimit;

    @Parameter(names = "--sim-burst",
            description = "Requests the simulator's rate limit admits at once after a quiet spell")
    public Integer burst;

    @Parameter(names = "--sim-max-in-flight",
            description = "Most requests the simulator serves at once (more get 503); 0 for no cap")
    public Integer maxInFlight;

    @Parameter(names = "--sim-error-rate",
            description = "Probability, 0 to 1, that a simulated request fails with 500, 502, 503 or 504")
    public Double errorRate;

    @Parameter(names = "--sim-seed",
            description = "Seed of the simulator's content, analysis times, latency and faults")
    public Long seed;

    /**
     * Checks every flag; the first problem is thrown as one line naming the flag.
     *
     * @throws UsageException naming the flag and the accepted values
     */
    public void validate() {
        selectedProfile();
        if (latencyMs != null && (latencyMs < 0 || latencyMs > MAX_LATENCY_MS)) {
            throw new UsageException("--sim-latency-ms must be between 0 and " + MAX_LATENCY_MS + ", got " + latencyMs);
        }
        if (rateLimit != null && (!(rateLimit >= 0) || rateLimit.isInfinite())) {
            throw new UsageException("--sim-rate-limit must be 0 (no limit) or a positive number of requests per "
                    + "second, got " + rateLimit);
        }
        if (burst != null && burst < 1) {
            throw new UsageException("--sim-burst must be at least 1, got " + burst);
        }
        if (burst != null && effectiveRate() == null) {
            throw new UsageException("--sim-burst needs a rate limit, and " + (rateLimit != null
                    ? "--sim-rate-limit 0 turns it off" : "profile '" + profile + "' has none: add --sim-rate-limit"));
        }
        if (maxInFlight != null && maxInFlight < 0) {
            throw new UsageException("--sim-max-in-flight must be 0 (no cap) or more, got " + maxInFlight);
        }
        if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
            throw new UsageException("--sim-error-rate must be between 0 and 1, got " + errorRate);
        }
    }

    /** True when any {@code --sim-*} flag was given; they mean nothing without a simulator. */
    public boolean anyGiven() {
        return !SimulatorProfile.VSCAN.profileName().equals(profile) || latencyMs != null || rateLimit != null
                || burst != null || maxInFlight != null || errorRate != null || seed != null;
    }

    /** The profile named by {@code --sim-profile}. @throws UsageException listing the known ones */
    public SimulatorProfile selectedProfile() {
        return SimulatorProfile.named(profile).orElseThrow(() -> new UsageException(
                "--sim-profile: unknown profile '" + profile + "'; known profiles: "
                        + String.join(", ", SimulatorProfile.names())));
    }

    /**
     * The simulator configuration these flags describe: the profile with each given flag applied,
     * on a free port.
     *
     * @param timeScale real seconds per vscan second, the same factor the client is given
     * @throws UsageException if a flag or the time scale is invalid
     */
    public SimulatorConfig toConfig(double timeScale) {
        validate();
        if (!(timeScale >= SimulatorConfig.MIN_TIME_SCALE && timeScale <= SimulatorConfig.MAX_TIME_SCALE)) {
            throw new UsageException("the simulator's time scale must be between " + SimulatorConfig.MIN_TIME_SCALE
                    + " and " + SimulatorConfig.MAX_TIME_SCALE + ", got " + timeScale);
        }
        SimulatorConfig.Builder builder = selectedProfile().builder().timeScale(timeScale);
        if (latencyMs != null) {
            builder.latency(Duration.ofMillis(latencyMs));
        }
        Double rate = effectiveRate();
        if (rate == null) {
            builder.noRateLimit();
        } else {
            builder.rateLimit(rate, burst != null ? burst : profileBurst());
        }
        if (maxInFlight != null) {
            builder.maxInFlight(maxInFlight);
        }
        if (errorRate != null) {
            builder.errorRate(errorRate);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        return builder.build();
    }

    /** The rate limit in force: the flag's (0 meaning none), else the profile's; null for none. */
    private Double effectiveRate() {
        if (rateLimit != null) {
            return rateLimit == 0 ? null : rateLimit;
        }
        RateLimit own = selectedProfile().config().rateLimit();
        return own == null ? null : own.ratePerSecond();
    }

    private int profileBurst() {
        RateLimit own = selectedProfile().config().rateLimit();
        return own == null ? DEFAULT_BURST : own.burst();
    }
}
