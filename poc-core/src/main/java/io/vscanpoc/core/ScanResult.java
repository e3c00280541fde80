package io.vscanpoc.core;

import java.util.Objects;

/**
 * A successful scan of one extension.
 *
 * @param analysis the report
 * @param fromCache true when the result cache served it and no request was sent
 * @param timings how the time was spent; {@link PhaseTimings#NONE} for a cache hit
 */
public record ScanResult(AnalysisResult analysis, boolean fromCache, PhaseTimings timings)
        implements CacheAware {

    public ScanResult {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(timings, "timings");
    }

    /** A result served from the cache. */
    public static ScanResult cached(AnalysisResult analysis) {
        return new ScanResult(analysis, true, PhaseTimings.NONE);
    }
}
