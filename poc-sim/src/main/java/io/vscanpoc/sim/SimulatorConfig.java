package io.vscanpoc.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the simulator does, as one immutable value. Start from a {@link SimulatorProfile}
 * ({@code SimulatorProfile.VSCAN.builder()}) or from {@link #builder()} (the {@code vscan}
 * profile), override what you need, and {@link Builder#build()}.
 *
 * <p>Every duration is in <em>vscan time</em>, the time of the real service; {@link #timeScale()}
 * turns it into real time (real = vscan x factor, docs/time-scale.md). Extension IDs are
 * {@code publisher.name} and are matched case-insensitively.
 *
 * @param profile name of the profile this configuration started from, for reports
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param seed seeds report content, pre-analysed membership, analysis times, latency and random
 *     faults; the same seed gives the same content for the same extension ID
 * @param timeScale real seconds per vscan second, between 1e-6 and 1000
 * @param latency latency of each endpoint's answers
 * @param concurrencyKnee latency growth above a concurrency knee, or null for none
 * @param preAnalysedFraction share of extensions already analysed on the server, chosen by a hash
 *     of the ID and the seed
 * @param preAnalysedIds extensions always pre-analysed
 * @param onDemandIds extensions never pre-analysed (need an on-demand analysis); wins over the others
 * @param analysisTime how long an on-demand analysis takes
 * @param unknownExtensionPrefix a publisher or name starting with this (ignoring case) is an
 *     unknown extension (404 on analyze); empty for none
 * @param unknownExtensions further unknown extension IDs
 * @param rateLimit the token bucket, or null for no rate limit
 * @param retryAfter whether limit answers carry Retry-After
 * @param maxInFlight most API requests served at once; more are refused; 0 for no cap
 * @param overCapacityStatus the status for a request over {@code maxInFlight}: 503 or 429
 * @param faultRates random per-request faults
 * @param analysisFailureRate share of on-demand analyses that end failed
 * @param analysisNeverCompletesRate share of on-demand analyses that never complete
 * @param requestLogCapacity how many recent requests {@link VscanSimulator#recordedRequests()}
 *     keeps; 0 records none
 */
public record SimulatorConfig(
        String profile,
        int port,
        long seed,
        double timeScale,
        Map<Endpoint, DurationDistribution> latency,
        ConcurrencyKnee concurrencyKnee,
        double preAnalysedFraction,
        Set<String> preAnalysedIds,
        Set<String> onDemandIds,
        DurationDistribution analysisTime,
        String unknownExtensionPrefix,
        Set<String> unknownExtensions,
        RateLimit rateLimit,
        RetryAfterStyle retryAfter,
        int maxInFlight,
        int overCapacityStatus,
        List<FaultRate> faultRates,
        double analysisFailureRate,
        double analysisNeverCompletesRate,
        int requestLogCapacity) {

    /** Smallest accepted time scale: below it, vscan time since start overflows within months. */
    public static final double MIN_TIME_SCALE = 1e-6;
    /** Largest accepted time scale. */
    public static final double MAX_TIME_SCALE = 1000;

    public SimulatorConfig {
        Objects.requireNonNull(profile, "profile");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (!(timeScale >= MIN_TIME_SCALE && timeScale <= MAX_TIME_SCALE)) {
            throw new IllegalArgumentException(
                    "time scale must be between " + MIN_TIME_SCALE + " and " + MAX_TIME_SCALE + ", got " + timeScale);
        }
        var fullLatency = new EnumMap<Endpoint, DurationDistribution>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            fullLatency.put(endpoint, Objects.requireNonNull(
                    latency.get(endpoint), () -> "no latency for endpoint " + endpoint.pathSegment()));
        }
        latency = Map.copyOf(fullLatency);
        requireProbability(preAnalysedFraction, "pre-analysed fraction");
        preAnalysedIds = lowerCased(preAnalysedIds);
        onDemandIds = lowerCased(onDemandIds);
        Objects.requireNonNull(analysisTime, "analysisTime");
        unknownExtensionPrefix = unknownExtensionPrefix == null ? "" : unknownExtensionPrefix.toLowerCase(Locale.ROOT);
        unknownExtensions = lowerCased(unknownExtensions);
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("max in flight must be 0 (no cap) or more, got " + maxInFlight);
        }
        if (overCapacityStatus != 503 && overCapacityStatus != 429) {
            throw new IllegalArgumentException("over-capacity status must be 503 or 429, got " + overCapacityStatus);
        }
        faultRates = List.copyOf(faultRates);
        double total = faultRates.stream().mapToDouble(FaultRate::probability).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + total + ", more than 1");
        }
        requireProbability(analysisFailureRate, "analysis failure rate");
        requireProbability(analysisNeverCompletesRate, "analysis never-completes rate");
        if (analysisFailureRate + analysisNeverCompletesRate > 1 + 1e-9) {
            throw new IllegalArgumentException("analysis failure and never-completes rates add up to more than 1");
        }
        if (requestLogCapacity < 0) {
            throw new IllegalArgumentException("request log capacity must be 0 or more, got " + requestLogCapacity);
        }
    }

    /** A builder holding the {@code vscan} profile. */
    public static Builder builder() {
        return SimulatorProfile.VSCAN.builder();
    }

    /** A builder holding this configuration, to derive another. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireProbability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + p);
        }
    }

    private static Set<String> lowerCased(Collection<String> ids) {
        return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Builds a {@link SimulatorConfig}; every setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private String profile;
        private int port;
        private long seed;
        private double timeScale;
        private final EnumMap<Endpoint, DurationDistribution> latency = new EnumMap<>(Endpoint.class);
        private ConcurrencyKnee concurrencyKnee;
        private double preAnalysedFraction;
        private Set<String> preAnalysedIds;
        private Set<String> onDemandIds;
        private DurationDistribution analysisTime;
        private String unknownExtensionPrefix;
        private Set<String> unknownExtensions;
        private RateLimit rateLimit;
        private RetryAfterStyle retryAfter;
        private int maxInFlight;
        private int overCapacityStatus;
        private final List<FaultRate> faultRates = new ArrayList<>();
        private double analysisFailureRate;
        private double analysisNeverCompletesRate;
        private int requestLogCapacity;

        Builder(SimulatorConfig c) {
            profile = c.profile;
            port = c.port;
            seed = c.seed;
            timeScale = c.timeScale;
            latency.putAll(c.latency);
            concurrencyKnee = c.concurrencyKnee;
            preAnalysedFraction = c.preAnalysedFraction;
            preAnalysedIds = c.preAnalysedIds;
            onDemandIds = c.onDemandIds;
            analysisTime = c.analysisTime;
            unknownExtensionPrefix = c.unknownExtensionPrefix;
            unknownExtensions = c.unknownExtensions;
            rateLimit = c.rateLimit;
            retryAfter = c.retryAfter;
            maxInFlight = c.maxInFlight;
            overCapacityStatus = c.overCapacityStatus;
            faultRates.addAll(c.faultRates);
            analysisFailureRate = c.analysisFailureRate;
            analysisNeverCompletesRate = c.analysisNeverCompletesRate;
            requestLogCapacity = c.requestLogCapacity;
        }

        /** Validates and builds. @throws IllegalArgumentException naming the first bad value */
        public SimulatorConfig build() {
            return new SimulatorConfig(profile, port, seed, timeScale, latency, concurrencyKnee,
                    preAnalysedFraction, preAnalysedIds, onDemandIds, analysisTime, unknownExtensionPrefix,
                    unknownExtensions, rateLimit, retryAfter, maxInFlight, overCapacityStatus, faultRates,
                    analysisFailureRate, analysisNeverCompletesRate, requestLogCapacity);
        }

        /** Names the profile in reports. */
        public Builder profile(String name) {
            this.profile = name;
            return this;
        }

        /** Port on 127.0.0.1, 0 for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The seed of every random choice. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Real seconds per vscan second, the same factor the client is given. */
        public Builder timeScale(double factor) {
            this.timeScale = factor;
            return this;
        }

        /** The same fixed latency on every endpoint. */
        public Builder latency(Duration fixed) {
            return latency(DurationDistribution.fixed(fixed));
        }

        /** The same latency distribution on every endpoint. */
        public Builder latency(DurationDistribution distribution) {
            for (Endpoint endpoint : Endpoint.values()) {
                latency.put(endpoint, distribution);
            }
            return this;
        }

        /** The latency of one endpoint. */
        public Builder latency(Endpoint endpoint, DurationDistribution distribution) {
            latency.put(endpoint, distribution);
            return this;
        }

        /** Latency growth above a concurrency knee; null for none. */
        public Builder concurrencyKnee(ConcurrencyKnee knee) {
            this.concurrencyKnee = knee;
            return this;
        }

        /** Share of extensions already analysed on the server. */
        public Builder preAnalysedFraction(double fraction) {
            this.preAnalysedFraction = fraction;
            return this;
        }

        /** Extensions always pre-analysed. */
        public Builder preAnalysedIds(Collection<String> ids) {
            this.preAnalysedIds = Set.copyOf(ids);
            return this;
        }

        /** Extensions never pre-analysed: each needs an on-demand analysis the first time. */
        public Builder onDemandIds(Collection<String> ids) {
            this.onDemandIds = Set.copyOf(ids);
            return this;
        }

        /** How long an on-demand analysis takes. */
        public Builder analysisTime(DurationDistribution distribution) {
            this.analysisTime = distribution;
            return this;
        }

        /** Publisher or name prefix of unknown extensions; empty or null for none. */
        public Builder unknownExtensionPrefix(String prefix) {
            this.unknownExtensionPrefix = prefix;
            return this;
        }

        /** Further unknown extension IDs. */
        public Builder unknownExtensions(Collection<String> ids) {
            this.unknownExtensions = Set.copyOf(ids);
            return this;
        }

        /** A token-bucket limit of {@code ratePerSecond} per vscan second with {@code burst}. */
        public Builder rateLimit(double ratePerSecond, int burst) {
            return rateLimit(new RateLimit(ratePerSecond, burst));
        }

        /** The rate limit, or null for none. */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = limit;
            return this;
        }

        /** No rate limit. */
        public Builder noRateLimit() {
            return rateLimit((RateLimit) null);
        }

        /** Whether limit answers carry Retry-After. */
        public Builder retryAfter(RetryAfterStyle style) {
            this.retryAfter = style;
            return this;
        }

        /** Most API requests served at once, 0 for no cap. */
        public Builder maxInFlight(int max) {
            this.maxInFlight = max;
            return this;
        }

        /** 503 or 429 for a request over the in-flight cap. */
        public Builder overCapacityStatus(int status) {
            this.overCapacityStatus = status;
            return this;
        }

        /** Replaces the random faults. */
        public Builder faultRates(Collection<FaultRate> rates) {
            faultRates.clear();
            faultRates.addAll(rates);
            return this;
        }

        /** Adds a random fault. */
        public Builder addFaultRate(Fault fault, double probability) {
            faultRates.add(new FaultRate(fault, probability));
            return this;
        }

        /**
         * Replaces the random HTTP error faults by {@code probability} of a 5xx per request, spread
         * evenly over 500, 502, 503 and 504; other random faults stay.
         */
        public Builder errorRate(double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("error rate must be between 0 and 1, got " + probability);
            }
            faultRates.removeIf(rate -> rate.fault() instanceof Fault.HttpError);
            if (probability > 0) {
                for (int status : new int[] {500, 502, 503, 504}) {
                    faultRates.add(new FaultRate(Fault.httpError(status), probability / 4));
                }
            }
            return this;
        }

        /** No random faults of any kind, analysis faults included. */
        public Builder noFaults() {
            faultRates.clear();
            analysisFailureRate = 0;
            analysisNeverCompletesRate = 0;
            return this;
        }

        /** Share of on-demand analyses that end failed. */
        public Builder analysisFailureRate(double rate) {
            this.analysisFailureRate = rate;
            return this;
        }

        /** Share of on-demand analyses that never complete. */
        public Builder analysisNeverCompletesRate(double rate) {
            this.analysisNeverCompletesRate = rate;
            return this;
        }

        /** How many recent requests are kept for {@link VscanSimulator#recordedRequests()}. */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }
    }
}
