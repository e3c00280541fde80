package io.vscanpoc.report.model;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.report.model.internal.ScanTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one timed run of one scenario measured. Durations are wall-clock as measured; the report
 * converts them to vscan time with the run's time scale.
 *
 * <p>Build it with {@link #builder()}: {@link Builder#fromScan} fills everything the scanner's
 * {@link ScanReport} knows, and the caller adds what only it knows (client counters, cache checks,
 * simulator counters).
 *
 * @param duration wall time of the timed scan
 * @param inputs extensions given to the scan
 * @param outcomes outcomes the scan returned (the "exactly one per input" criterion compares it
 *     with {@code inputs})
 * @param successes successful outcomes
 * @param cached successes served from the result cache
 * @param fresh successes fetched from the API
 * @param errors failed outcomes per category; every category present, zero when none
 * @param requests HTTP requests the client sent, retries included
 * @param http429 HTTP 429 responses the client received, including ones a retry got past
 * @param retries requests that repeated an earlier one
 * @param latency per-extension task latency
 * @param phases per-phase latency of the scans that went to the API
 * @param cacheCheck the integrity and content checks run after the scan
 * @param sqliteBusy SQLite busy or locked events the cache saw during the scan
 * @param stats whether the scanner's counters agreed with the outcomes
 * @param simulator the simulator's counters for this repetition; null when not simulated
 */
public record Repetition(
        Duration duration,
        int inputs,
        int outcomes,
        long successes,
        long cached,
        long fresh,
        Map<ErrorCategory, Long> errors,
        long requests,
        long http429,
        long retries,
        LatencyPercentiles latency,
        PhaseLatency phases,
        CacheCheck cacheCheck,
        long sqliteBusy,
        StatsAgreement stats,
        SimulatorCounts simulator) {

    public Repetition {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        var all = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        for (var category : ErrorCategory.values()) {
            long count = errors.getOrDefault(category, 0L);
            requireNonNegative(count, "errors of " + category);
            all.put(category, count);
        }
        errors = Collections.unmodifiableMap(all);
        requireNonNegative(inputs, "inputs");
        requireNonNegative(outcomes, "outcomes");
        requireNonNegative(successes, "successes");
        requireNonNegative(cached, "cached");
        requireNonNegative(fresh, "fresh");
        requireNonNegative(requests, "requests");
        requireNonNegative(http429, "http429");
        requireNonNegative(retries, "retries");
        requireNonNegative(sqliteBusy, "sqliteBusy");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(phases, "phases");
        Objects.requireNonNull(cacheCheck, "cacheCheck");
        Objects.requireNonNull(stats, "stats");
    }

    /** Failed outcomes of one category. */
    public long errors(ErrorCategory category) {
        return errors.get(category);
    }

    /** Failed outcomes counted in one report column. */
    public long errors(ErrorGroup group) {
        return errors.entrySet().stream()
                .filter(e -> ErrorGroup.of(e.getKey()) == group)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Failed outcomes, all categories. */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /**
     * Collects a repetition's measurements. Every value a Go/No-Go criterion rests on must be set
     * explicitly, even when it is zero: {@link #build()} names what is missing rather than assume a
     * zero (the earlier PoC's "0 rate-limit errors" was such an assumption). Optional: {@code fresh}
     * (defaults to successes - cached), {@code errors} (none), {@code latency} and {@code phases}
     * (nothing measured), {@code simulator} (null, not simulated).
     */
    public static final class Builder {
        private Duration duration;
        private Integer inputs;
        private Integer outcomes;
        private Long successes;
        private Long cached;
        private Long fresh;
        private Map<ErrorCategory, Long> errors = Map.of();
        private Long requests;
        private Long http429;
        private Long retries;
        private LatencyPercentiles latency = LatencyPercentiles.NONE;
        private PhaseLatency phases = PhaseLatency.NONE;
        private CacheCheck cacheCheck;
        private Long sqliteBusy;
        private StatsAgreement stats;
        private SimulatorCounts simulator;

        private Builder() {}

        /**
         * Sets everything the scan itself knows: duration (its wall time), outcomes, successes,
         * cached, fresh, errors (tallied from the outcomes), latency (of the tasks that started),
         * phases (of the successful scans that went to the API) and stats (the scanner's counters
         * compared with the outcomes). Does not set inputs, requests, http429, retries, cacheCheck
         * or sqliteBusy: the scan cannot know them (a failed scan carries no request counts).
         */
        public Builder fromScan(ScanReport<?, ?> report) {
            var tally = ScanTally.of(report);
            duration = report.wallTime();
            outcomes = report.outcomes().size();
            successes = tally.successes();
            cached = tally.cached();
            fresh = tally.successes() - tally.cached();
            errors = tally.errors();
            latency = LatencyPercentiles.of(tally.taskDurations());
            phases = PhaseLatency.of(tally.apiTimings());
            stats = tally.agreement(report.stats());
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        public Builder inputs(int value) {
            inputs = value;
            return this;
        }

        public Builder outcomes(int value) {
            outcomes = value;
            return this;
        }

        public Builder successes(long value) {
            successes = value;
            return this;
        }

        public Builder cached(long value) {
            cached = value;
            return this;
        }

        public Builder fresh(long value) {
            fresh = value;
            return this;
        }

        public Builder errors(Map<ErrorCategory, Long> value) {
            errors = Map.copyOf(value);
            return this;
        }

        public Builder requests(long value) {
            requests = value;
            return this;
        }

        public Builder http429(long value) {
            http429 = value;
            return this;
        }

        public Builder retries(long value) {
            retries = value;
            return this;
        }

        public Builder latency(LatencyPercentiles value) {
            latency = value;
            return this;
        }

        public Builder phases(PhaseLatency value) {
            phases = value;
            return this;
        }

        public Builder cacheCheck(CacheCheck value) {
            cacheCheck = value;
            return this;
        }

        public Builder cacheCheck(boolean integrityOk, boolean contentOk, String detail) {
            return cacheCheck(new CacheCheck(integrityOk, contentOk, detail));
        }

        public Builder sqliteBusy(long value) {
            sqliteBusy = value;
            return this;
        }

        public Builder stats(StatsAgreement value) {
            stats = value;
            return this;
        }

        public Builder stats(boolean agrees, String detail) {
            return stats(new StatsAgreement(agrees, detail));
        }

        public Builder simulator(SimulatorCounts value) {
            simulator = value;
            return this;
        }

        public Builder simulator(long requestsReceived, long http429Sent) {
            return simulator(new SimulatorCounts(requestsReceived, http429Sent));
        }

        /**
         * The repetition.
         *
         * @throws IllegalStateException naming every required value that was not set
         */
        public Repetition build() {
            var missing = new ArrayList<String>();
            require(duration, "duration", missing);
            require(inputs, "inputs", missing);
            require(outcomes, "outcomes", missing);
            require(successes, "successes", missing);
            require(cached, "cached", missing);
            require(requests, "requests", missing);
            require(http429, "http429", missing);
            require(retries, "retries", missing);
            require(cacheCheck, "cacheCheck", missing);
            require(sqliteBusy, "sqliteBusy", missing);
            require(stats, "stats", missing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Repetition is missing " + String.join(", ", missing));
            }
            long freshCount = fresh != null ? fresh : successes - cached;
            return new Repetition(
                    duration,
                    inputs,
                    outcomes,
                    successes,
                    cached,
                    freshCount,
                    errors,
                    requests,
                    http429,
                    retries,
                    latency,
                    phases,
                    cacheCheck,
                    sqliteBusy,
                    stats,
                    simulator);
        }

        private static void require(Object value, String name, List<String> missing) {
            if (value == null) {
                missing.add(name);
            }
        }
    }
}
