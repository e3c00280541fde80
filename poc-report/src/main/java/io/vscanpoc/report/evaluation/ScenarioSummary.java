package io.vscanpoc.report.evaluation;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.ErrorGroup;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.PhaseLatency;
import io.vscanpoc.report.model.ScenarioResult;
import io.vscanpoc.report.stats.Estimate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the evaluator derived from one scenario. Durations and latencies are in vscan time (measured
 * wall-clock divided by the run's time scale). Counts of events (429s, retries, requests, errors,
 * busy events) are totals over all repetitions; cached and fresh are per repetition (the lower
 * median); the success rate pools all repetitions.
 *
 * @param scenario the recorded scenario
 * @param duration median duration in seconds, with its 95% interval when there were 3+ repetitions
 * @param avgPerExtensionSeconds median duration divided by the inputs; null when there were none
 * @param speedup median speedup against the baseline (1 worker, empty cache); null when undefined
 * @param speedupNote why {@code speedup} is undefined; null when it is defined
 * @param speedupSameCache median speedup against the 1-worker scenario with the same cache state;
 *     null when undefined
 * @param speedupSameCacheNote why {@code speedupSameCache} is undefined; null when it is defined
 * @param inputs inputs over all repetitions
 * @param successes successes over all repetitions
 * @param successRate successes as a percentage of inputs; 0 when there were no inputs
 * @param cached cache hits per repetition (lower median)
 * @param fresh API-fetched successes per repetition (lower median)
 * @param http429 429 responses, retried ones included
 * @param retries retried requests
 * @param requests requests sent
 * @param sqliteBusy SQLite busy/locked events
 * @param errors failed outcomes per category; every category present
 * @param latency per-extension latency, the median of each percentile over repetitions
 * @param phases per-phase latency, the median of each percentile over repetitions
 * @param integrityOk the integrity check passed after every repetition
 * @param contentOk the content check passed after every repetition
 */
public record ScenarioSummary(
        ScenarioResult scenario,
        Estimate duration,
        Double avgPerExtensionSeconds,
        Estimate speedup,
        String speedupNote,
        Estimate speedupSameCache,
        String speedupSameCacheNote,
        long inputs,
        long successes,
        double successRate,
        long cached,
        long fresh,
        long http429,
        long retries,
        long requests,
        long sqliteBusy,
        Map<ErrorCategory, Long> errors,
        LatencyPercentiles latency,
        PhaseLatency phases,
        boolean integrityOk,
        boolean contentOk) {

    public ScenarioSummary {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(duration, "duration");
        if ((speedup == null) == (speedupNote == null)) {
            throw new IllegalArgumentException("exactly one of speedup and speedupNote must be set");
        }
        if ((speedupSameCache == null) == (speedupSameCacheNote == null)) {
            throw new IllegalArgumentException("exactly one of speedupSameCache and its note must be set");
        }
        if (!Double.isFinite(successRate)) {
            throw new IllegalArgumentException("successRate must be finite");
        }
        errors = Collections.unmodifiableMap(new EnumMap<>(errors));
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(phases, "phases");
    }

    /** The scenario's test number. */
    public int test() {
        return scenario.test();
    }

    /** The scenario's worker count. */
    public int workers() {
        return scenario.workers();
    }

    /** The scenario's cache state. */
    public CacheState cacheState() {
        return scenario.cacheState();
    }

    /** Failed outcomes, all categories, all repetitions. */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed outcomes in one report column, all repetitions. */
    public long errors(ErrorGroup group) {
        return errors.entrySet().stream()
                .filter(e -> ErrorGroup.of(e.getKey()) == group)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Number of repetitions. */
    public int repetitions() {
        return scenario.repetitions().size();
    }

    /** "test 3 (3 workers, empty)", for sentences. */
    public String describe() {
        return "test " + test() + " (" + workers() + (workers() == 1 ? " worker, " : " workers, ")
                + cacheState().jsonName() + ")";
    }
}
