package io.vscanpoc.report.model;

import io.vscanpoc.core.StatsSnapshot;
import io.vscanpoc.report.stats.Percentiles;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Percentiles of a set of measured durations (nearest-rank), all zero when nothing was measured.
 *
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max the longest
 */
public record LatencyPercentiles(Duration p50, Duration p90, Duration p99, Duration max) {

    /** Nothing measured. */
    public static final LatencyPercentiles NONE =
            new LatencyPercentiles(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public LatencyPercentiles {
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(max, "max");
    }

    /** The nearest-rank percentiles of {@code durations}; {@link #NONE} when it is empty. */
    public static LatencyPercentiles of(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return NONE;
        }
        long[] nanos = durations.stream().mapToLong(Duration::toNanos).sorted().toArray();
        return new LatencyPercentiles(
                Duration.ofNanos(Percentiles.nearestRank(nanos, 50)),
                Duration.ofNanos(Percentiles.nearestRank(nanos, 90)),
                Duration.ofNanos(Percentiles.nearestRank(nanos, 99)),
                Duration.ofNanos(nanos[nanos.length - 1]));
    }

    /** The task latency a scanner's {@link StatsSnapshot} recorded. */
    public static LatencyPercentiles from(StatsSnapshot.Latency latency) {
        return new LatencyPercentiles(latency.p50(), latency.p90(), latency.p99(), latency.max());
    }
}
