package io.vscanpoc.report.model;

import io.vscanpoc.core.PhaseTimings;
import java.util.Collection;
import java.util.Objects;

/**
 * Latency per phase of the submit/poll/fetch workflow, over the scans that went to the API.
 *
 * @param submit the {@code POST /analyze} phase, retries included
 * @param poll the polling phase, waits between polls included
 * @param fetch the {@code GET /results} phase, retries included
 */
public record PhaseLatency(LatencyPercentiles submit, LatencyPercentiles poll, LatencyPercentiles fetch) {

    /** Nothing measured (for example, every result came from the cache). */
    public static final PhaseLatency NONE =
            new PhaseLatency(LatencyPercentiles.NONE, LatencyPercentiles.NONE, LatencyPercentiles.NONE);

    public PhaseLatency {
        Objects.requireNonNull(submit, "submit");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * The percentiles of each phase over {@code timings}. Pass the timings of scans that went to
     * the API; a cache hit's {@link PhaseTimings#NONE} would pull every percentile towards zero.
     */
    public static PhaseLatency of(Collection<PhaseTimings> timings) {
        return new PhaseLatency(
                LatencyPercentiles.of(timings.stream().map(PhaseTimings::submit).toList()),
                LatencyPercentiles.of(timings.stream().map(PhaseTimings::polling).toList()),
                LatencyPercentiles.of(timings.stream().map(PhaseTimings::fetch).toList()));
    }
}
