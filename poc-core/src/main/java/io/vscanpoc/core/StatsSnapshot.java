package io.vscanpoc.core;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A consistent copy of a scanner's counters.
 *
 * @param successes successful outcomes
 * @param failures failed outcomes per category; every category is present, zero when none
 * @param cacheHits successes whose value was served from a cache
 * @param inFlight tasks running when the snapshot was taken
 * @param peakConcurrency most tasks observed running at the same moment
 * @param latency durations of the tasks that ran
 */
public record StatsSnapshot(
        long successes,
        Map<ErrorCategory, Long> failures,
        long cacheHits,
        long inFlight,
        long peakConcurrency,
        Latency latency) {

    public StatsSnapshot {
        var all = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        for (var category : ErrorCategory.values()) {
            all.put(category, failures.getOrDefault(category, 0L));
        }
        failures = Collections.unmodifiableMap(all);
    }

    /** Failed outcomes of one category. */
    public long failures(ErrorCategory category) {
        return failures.get(category);
    }

    /** Failed outcomes, all categories. */
    public long totalFailures() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Outcomes counted, successes and failures. */
    public long total() {
        return successes + totalFailures();
    }

    /** Task latency percentiles; all zero when no task ran. */
    public record Latency(long count, Duration p50, Duration p90, Duration p99, Duration max) {
        public static final Latency NONE =
                new Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
