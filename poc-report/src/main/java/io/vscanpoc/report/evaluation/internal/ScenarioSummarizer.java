package io.vscanpoc.report.evaluation.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.PhaseLatency;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.model.ScenarioResult;
import io.vscanpoc.report.stats.Estimate;
import io.vscanpoc.report.stats.MedianEstimator;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Derives each scenario's medians, intervals, speedups and totals. Not API. */
public final class ScenarioSummarizer {

    private ScenarioSummarizer() {}

    /** One summary per scenario of {@code results}, in the same order. */
    public static List<ScenarioSummary> summarize(RunResults results) {
        double scale = results.metadata().timeScale();
        var baseline = results.scenario(1, CacheState.EMPTY).orElse(null);
        return results.scenarios().stream()
                .map(scenario -> summarize(scenario, baseline,
                        results.scenario(1, scenario.cacheState()).orElse(null), scale))
                .toList();
    }

    private static ScenarioSummary summarize(
            ScenarioResult scenario, ScenarioResult baseline, ScenarioResult sameCacheBase, double scale) {
        var reps = scenario.repetitions();
        Estimate duration = MedianEstimator.estimate(seconds(scenario, scale));
        int perRepetitionInputs = reps.getFirst().inputs();
        Double avgPerExtension = perRepetitionInputs == 0 ? null : duration.median() / perRepetitionInputs;
        long inputs = sum(reps, Repetition::inputs);
        long successes = sum(reps, Repetition::successes);
        double successRate = inputs == 0 ? 0.0 : 100.0 * successes / inputs;
        var speedup = speedup(baseline, scenario, scale, "baseline", "baseline (1 worker, empty cache)");
        String sameCacheName = "1-worker " + scenario.cacheState().jsonName() + " scenario";
        var sameCache = speedup(sameCacheBase, scenario, scale, sameCacheName, sameCacheName);
        var errors = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        for (var category : ErrorCategory.values()) {
            errors.put(category, sum(reps, r -> r.errors(category)));
        }
        return new ScenarioSummary(
                scenario,
                duration,
                avgPerExtension,
                speedup.estimate(),
                speedup.note(),
                sameCache.estimate(),
                sameCache.note(),
                inputs,
                successes,
                successRate,
                lowerMedian(reps, Repetition::cached),
                lowerMedian(reps, Repetition::fresh),
                sum(reps, Repetition::http429),
                sum(reps, Repetition::retries),
                sum(reps, Repetition::requests),
                sum(reps, Repetition::sqliteBusy),
                errors,
                medianLatency(reps, Repetition::latency, scale),
                new PhaseLatency(
                        medianLatency(reps, r -> r.phases().submit(), scale),
                        medianLatency(reps, r -> r.phases().poll(), scale),
                        medianLatency(reps, r -> r.phases().fetch(), scale)),
                reps.stream().allMatch(r -> r.cacheCheck().integrityOk()),
                reps.stream().allMatch(r -> r.cacheCheck().contentOk()));
    }

    /** The durations of a scenario's repetitions, in vscan seconds. */
    static List<Double> seconds(ScenarioResult scenario, double scale) {
        return scenario.repetitions().stream()
                .map(r -> r.duration().toNanos() / 1e9 / scale)
                .toList();
    }

    private static SpeedupResult speedup(
            ScenarioResult reference, ScenarioResult scenario, double scale, String name, String fullName) {
        if (reference == null) {
            return SpeedupResult.undefined("no " + fullName + " finished");
        }
        if (reference == scenario) {
            return SpeedupResult.of(new Estimate(1.0, null, scenario.repetitions().size()));
        }
        if (sum(reference.repetitions(), Repetition::successes) == 0) {
            return SpeedupResult.undefined("test " + reference.test() + " (the " + name
                    + ") had no successful scan, so its duration is not a scan time");
        }
        if (sum(scenario.repetitions(), Repetition::successes) == 0) {
            return SpeedupResult.undefined("test " + scenario.test()
                    + " had no successful scan, so its duration is not a scan time");
        }
        var referenceSeconds = seconds(reference, scale);
        var scenarioSeconds = seconds(scenario, scale);
        if (MedianEstimator.median(referenceSeconds) == 0) {
            return SpeedupResult.undefined("test " + reference.test() + " (the " + name
                    + ") took 0 s, so no speedup can be computed against it");
        }
        return MedianEstimator.ratio(referenceSeconds, scenarioSeconds)
                .map(SpeedupResult::of)
                .orElseGet(() -> SpeedupResult.undefined("test " + scenario.test()
                        + " took 0 s, so its speedup is unbounded and not reported"));
    }

    private static long sum(List<Repetition> reps, ToLongFunction<Repetition> value) {
        return reps.stream().mapToLong(value).sum();
    }

    private static long lowerMedian(List<Repetition> reps, ToLongFunction<Repetition> value) {
        long[] sorted = reps.stream().mapToLong(value).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }

    private static LatencyPercentiles medianLatency(
            List<Repetition> reps, Function<Repetition, LatencyPercentiles> latency, double scale) {
        return new LatencyPercentiles(
                median(reps, r -> latency.apply(r).p50(), scale),
                median(reps, r -> latency.apply(r).p90(), scale),
                median(reps, r -> latency.apply(r).p99(), scale),
                median(reps, r -> latency.apply(r).max(), scale));
    }

    private static Duration median(List<Repetition> reps, Function<Repetition, Duration> value, double scale) {
        double nanos = MedianEstimator.median(reps.stream()
                .map(r -> (double) value.apply(r).toNanos())
                .toList());
        return Duration.ofNanos(Math.round(nanos / scale));
    }

    private record SpeedupResult(Estimate estimate, String note) {
        static SpeedupResult of(Estimate estimate) {
            return new SpeedupResult(estimate, null);
        }

        static SpeedupResult undefined(String note) {
            return new SpeedupResult(null, note);
        }
    }
}
