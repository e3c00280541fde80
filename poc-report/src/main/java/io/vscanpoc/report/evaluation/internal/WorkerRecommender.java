package io.vscanpoc.report.evaluation.internal;

import static io.vscanpoc.report.evaluation.Thresholds.RECOMMENDATION_GAIN;
import static io.vscanpoc.report.evaluation.Thresholds.SUCCESS_RATE_TARGET;

import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.evaluation.WorkerLevel;
import io.vscanpoc.report.evaluation.WorkerRecommendation;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Chooses the max safe and the recommended worker counts.
 *
 * <p>Safe: zero 429 responses and at least 95% success in every scenario at that count. Max safe:
 * the largest tested count such that it and every smaller tested count are safe (a count above an
 * unsafe one is not trusted even if it happened to pass). Recommended: walk the safe counts
 * upwards from the smallest one that has a speedup; a larger count replaces the current pick only
 * if its median speedup is at least 10% above the pick's, so each extra worker must earn its
 * place. Not API.
 */
public final class WorkerRecommender {

    private WorkerRecommender() {}

    /** The recommendation for these scenarios. */
    public static WorkerRecommendation recommend(List<ScenarioSummary> summaries) {
        var byWorkers = new TreeMap<Integer, List<ScenarioSummary>>();
        for (var summary : summaries) {
            byWorkers.computeIfAbsent(summary.workers(), w -> new ArrayList<>()).add(summary);
        }
        var levels = byWorkers.entrySet().stream().map(e -> level(e.getKey(), e.getValue())).toList();
        Integer maxSafe = null;
        var safePrefix = new ArrayList<WorkerLevel>();
        for (var level : levels) {
            if (!level.safe()) {
                break;
            }
            safePrefix.add(level);
            maxSafe = level.workers();
        }
        if (levels.isEmpty()) {
            return new WorkerRecommendation(null, null, levels, "No scenario finished, so no worker count can be recommended.");
        }
        if (safePrefix.isEmpty()) {
            var first = levels.getFirst();
            return new WorkerRecommendation(null, null, levels, "No worker count can be recommended: the smallest tested"
                    + " count, " + first.workers() + ", had " + first.http429() + " 429s and a lowest success rate of "
                    + Formats.percent(first.lowestSuccessRate()) + ".");
        }
        WorkerLevel pick = null;
        var steps = new ArrayList<String>();
        for (var level : safePrefix) {
            if (level.speedup() == null) {
                steps.add(Formats.count(level.workers(), "worker") + " has no measured speedup: skipped.");
            } else if (pick == null) {
                pick = level;
                steps.add("Start at " + Formats.count(level.workers(), "worker") + " ("
                        + Formats.speedup(level.speedup().median()) + ").");
            } else {
                double gain = level.speedup().median() / pick.speedup().median() - 1;
                String comparison = Formats.count(level.workers(), "worker") + " ("
                        + Formats.speedup(level.speedup().median()) + ") gains " + Formats.decimal(gain * 100, 0)
                        + "% over " + Formats.count(pick.workers(), "worker");
                if (gain >= RECOMMENDATION_GAIN) {
                    pick = level;
                    steps.add(comparison + ": taken.");
                } else {
                    steps.add(comparison + ": not enough.");
                }
            }
        }
        if (pick == null) {
            return new WorkerRecommendation(null, maxSafe, levels,
                    "No safe worker count has a measured speedup, so none can be recommended.");
        }
        if (levels.size() > safePrefix.size()) {
            var unsafe = levels.get(safePrefix.size());
            steps.add(Formats.count(unsafe.workers(), "worker") + " was not safe (" + unsafe.http429() + " 429s, lowest"
                    + " success " + Formats.percent(unsafe.lowestSuccessRate()) + "), so no larger count is considered.");
        }
        String rationale = "Rule: start at the smallest safe count; a larger safe count replaces the pick only if its"
                + " median speedup is at least 10% higher. " + String.join(" ", steps);
        return new WorkerRecommendation(pick.workers(), maxSafe, levels, rationale);
    }

    private static WorkerLevel level(int workers, List<ScenarioSummary> scenarios) {
        long http429 = scenarios.stream().mapToLong(ScenarioSummary::http429).sum();
        long retries = scenarios.stream().mapToLong(ScenarioSummary::retries).sum();
        double lowest = scenarios.stream().mapToDouble(ScenarioSummary::successRate).min().orElse(0);
        boolean haveInputs = scenarios.stream().allMatch(s -> s.inputs() > 0);
        boolean safe = haveInputs && http429 == 0 && lowest >= SUCCESS_RATE_TARGET;
        Estimate speedup = null;
        String basis = null;
        var empty = scenarios.stream().filter(s -> s.cacheState() == CacheState.EMPTY).findFirst();
        var half = scenarios.stream().filter(s -> s.cacheState() == CacheState.HALF).findFirst();
        if (empty.isPresent() && empty.get().speedup() != null) {
            speedup = empty.get().speedup();
            basis = "empty cache";
        } else if (half.isPresent() && half.get().speedupSameCache() != null) {
            speedup = half.get().speedupSameCache();
            basis = "50/50 cache, against 1-worker 50/50";
        }
        return new WorkerLevel(workers, http429, retries, lowest, safe, speedup, basis);
    }
}
