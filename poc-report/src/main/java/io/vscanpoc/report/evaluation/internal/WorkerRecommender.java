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
 * the largest safe tested count. Recommended: walk the safe counts below the first count that drew
 * any 429 upwards, starting from the smallest one with a speedup; a larger count replaces the
 * current pick only if its median speedup is at least 10% above the pick's, so each extra worker
 * must earn its place. Not API.
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
        if (levels.isEmpty()) {
            return new WorkerRecommendation(null, null, levels,
                    "No scenario finished, so no worker count can be recommended.");
        }
        Integer maxSafe = levels.stream()
                .filter(WorkerLevel::safe)
                .map(WorkerLevel::workers)
                .reduce((a, b) -> b)
                .orElse(null);
        // 429s grow with the request rate: a count above one that drew 429s is not trusted even if
        // it happened to draw none itself.
        var firstLimited = levels.stream().filter(l -> l.http429() > 0).findFirst();
        var candidates = levels.stream()
                .filter(WorkerLevel::safe)
                .filter(l -> firstLimited.isEmpty() || l.workers() < firstLimited.get().workers())
                .toList();
        if (candidates.isEmpty()) {
            return new WorkerRecommendation(null, maxSafe, levels, "No worker count can be recommended: no tested count"
                    + " below the first one with 429s had zero 429s and at least "
                    + Formats.threshold(SUCCESS_RATE_TARGET) + "% success in every scenario.");
        }
        WorkerLevel pick = null;
        var steps = new ArrayList<String>();
        for (var level : candidates) {
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
        for (var level : levels) {
            if (!level.safe()) {
                steps.add(Formats.count(level.workers(), "worker") + " was not safe (" + level.http429()
                        + " 429s, lowest"
                        + " success " + Formats.percent(level.lowestSuccessRate()) + ").");
            }
        }
        if (firstLimited.isPresent()) {
            steps.add("Nothing at or above " + Formats.count(firstLimited.get().workers(), "worker")
                    + " is considered, since 429s appeared there.");
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
