package io.vscanpoc.report.evaluation.internal;

import static io.vscanpoc.report.evaluation.Thresholds.TARGET_WORKERS;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.evaluation.Criterion;
import io.vscanpoc.report.evaluation.CriterionResult;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/**
 * Judges each {@link Criterion} from the recorded data. A criterion whose scenarios did not finish
 * fails with a detail saying there is no data: nothing is assumed. Not API.
 */
public final class CriteriaEvaluator {

    /** At most this many individual problems are named in a detail sentence. */
    private static final int NAMED_PROBLEMS = 3;

    private CriteriaEvaluator() {}

    /** Every criterion, in {@link Criterion} order. */
    public static List<CriterionResult> evaluate(RunResults results, List<ScenarioSummary> summaries) {
        return List.of(
                noRateLimit(summaries),
                sqliteThreadSafety(summaries),
                speedup(summaries),
                statsAccuracy(results, summaries),
                errorHandling(summaries),
                dataIntegrity(summaries),
                successRate(summaries));
    }

    private static CriterionResult noRateLimit(List<ScenarioSummary> summaries) {
        var atTarget = atTargetWorkers(summaries);
        if (atTarget.isEmpty()) {
            return CriterionResult.noData(Criterion.NO_RATE_LIMIT, noTargetScenario());
        }
        long total = atTarget.stream().mapToLong(ScenarioSummary::http429).sum();
        var perTest = atTarget.stream().map(s -> "test " + s.test() + ": " + s.http429()).toList();
        return CriterionResult.judged(Criterion.NO_RATE_LIMIT, total,
                "Counted " + Formats.count(total, "HTTP 429 response") + " (retried ones included) with "
                        + TARGET_WORKERS + " workers over " + runs(atTarget) + " (" + String.join("; ", perTest)
                        + ").");
    }

    private static CriterionResult sqliteThreadSafety(List<ScenarioSummary> summaries) {
        if (summaries.isEmpty()) {
            return CriterionResult.noData(Criterion.SQLITE_THREAD_SAFETY, noScenario());
        }
        long busy = summaries.stream().mapToLong(ScenarioSummary::sqliteBusy).sum();
        long cacheErrors = summaries.stream().mapToLong(s -> s.errors().get(ErrorCategory.CACHE)).sum();
        long concurrent = summaries.stream().filter(s -> s.workers() > 1).count();
        String counted = Formats.count(busy, "SQLite busy/locked event") + " and "
                + Formats.count(cacheErrors, "cache error") + " over " + runs(summaries);
        if (concurrent == 0) {
            return CriterionResult.failed(Criterion.SQLITE_THREAD_SAFETY, busy + cacheErrors,
                    counted + ", but every finished scenario had 1 worker, so concurrent access to SQLite was"
                            + " never exercised.");
        }
        return CriterionResult.judged(Criterion.SQLITE_THREAD_SAFETY, busy + cacheErrors,
                counted + ", " + concurrent + " of the scenarios with concurrent workers.");
    }

    private static CriterionResult speedup(List<ScenarioSummary> summaries) {
        var baseline = find(summaries, 1, CacheState.EMPTY);
        var target = find(summaries, TARGET_WORKERS, CacheState.EMPTY);
        if (baseline == null) {
            return CriterionResult.noData(Criterion.SPEEDUP,
                    "The baseline (1 worker, empty cache) did not finish, so no speedup can be computed.");
        }
        if (target == null) {
            return CriterionResult.noData(Criterion.SPEEDUP, "No scenario with " + TARGET_WORKERS
                    + " workers and an empty cache finished, so there is no speedup to judge.");
        }
        if (target.speedup() == null) {
            return CriterionResult.noData(Criterion.SPEEDUP,
                    "No speedup exists for " + target.describe() + ": " + target.speedupNote() + ".");
        }
        Estimate speedup = target.speedup();
        String detail = Formats.capitalised(target.describe()) + " took "
                + withInterval(target.duration(), Formats::seconds)
                + " against " + withInterval(baseline.duration(), Formats::seconds) + " for baseline test "
                + baseline.test() + ", a speedup of " + withInterval(speedup, Formats::speedup) + " where "
                + Formats.speedup(TARGET_WORKERS) + " is ideal" + intervalNote(target, baseline) + ".";
        return CriterionResult.judged(Criterion.SPEEDUP, speedup.median(), detail);
    }

    private static CriterionResult statsAccuracy(RunResults results, List<ScenarioSummary> summaries) {
        if (summaries.isEmpty()) {
            return CriterionResult.noData(Criterion.STATS_ACCURACY, noScenario());
        }
        boolean simulated = results.metadata().simulated();
        var problems = problems(summaries, (summary, rep) -> {
            var found = new ArrayList<String>();
            if (!rep.stats().agrees()) {
                found.add(rep.stats().detail());
            }
            if (rep.successes() + rep.totalErrors() != rep.outcomes()) {
                found.add("successes and failures add up to " + (rep.successes() + rep.totalErrors())
                        + " but there were " + rep.outcomes() + " outcomes");
            }
            if (rep.cached() + rep.fresh() != rep.successes()) {
                found.add("cached + fresh is " + (rep.cached() + rep.fresh()) + " but there were "
                        + rep.successes() + " successes");
            }
            if (simulated) {
                var truth = rep.simulator();
                if (truth == null) {
                    found.add("no simulator ground truth was recorded");
                } else if (truth.requests() != rep.requests() || truth.http429() != rep.http429()) {
                    found.add("the client counted " + rep.requests() + " requests and " + rep.http429()
                            + " 429s, the simulator " + truth.requests() + " and " + truth.http429());
                }
            }
            return found;
        });
        String compared = simulated
                ? "the per-result outcomes and the simulator's ground truth (requests and 429s)"
                : "the per-result outcomes";
        if (problems.isEmpty()) {
            return CriterionResult.judged(Criterion.STATS_ACCURACY, 0,
                    "Stats agreed with " + compared + " in all " + runs(summaries) + ".");
        }
        return CriterionResult.judged(Criterion.STATS_ACCURACY, problems.size(),
                Formats.count(problems.size(), "disagreement") + " with " + compared + ": " + named(problems) + ".");
    }

    private static CriterionResult errorHandling(List<ScenarioSummary> summaries) {
        if (summaries.isEmpty()) {
            return CriterionResult.noData(Criterion.ERROR_HANDLING, noScenario());
        }
        long unaccounted = 0;
        var problems = new ArrayList<String>();
        for (var summary : summaries) {
            var reps = summary.scenario().repetitions();
            for (int i = 0; i < reps.size(); i++) {
                var rep = reps.get(i);
                long missing = Math.abs((long) rep.inputs() - rep.outcomes());
                long internal = rep.errors(ErrorCategory.INTERNAL);
                unaccounted += missing + internal;
                if (missing > 0) {
                    problems.add(where(summary, i) + ": " + rep.outcomes() + " outcomes for " + rep.inputs()
                            + " inputs");
                }
                if (internal > 0) {
                    problems.add(where(summary, i) + ": " + Formats.count(internal, "failure")
                            + " classified INTERNAL (a bug, not a known cause)");
                }
            }
        }
        long inputs = summaries.stream().mapToLong(ScenarioSummary::inputs).sum();
        if (problems.isEmpty()) {
            return CriterionResult.judged(Criterion.ERROR_HANDLING, 0, "All " + Formats.count(inputs, "input")
                    + " over " + runs(summaries) + " ended in exactly one outcome, a success or a failure of"
                    + " a known category.");
        }
        return CriterionResult.judged(Criterion.ERROR_HANDLING, unaccounted,
                unaccounted + " of " + inputs + " inputs lacked exactly one classified outcome: " + named(problems)
                        + ".");
    }

    private static CriterionResult dataIntegrity(List<ScenarioSummary> summaries) {
        if (summaries.isEmpty()) {
            return CriterionResult.noData(Criterion.DATA_INTEGRITY, noScenario());
        }
        var problems = problems(summaries, (summary, rep) -> {
            var found = new ArrayList<String>();
            if (!rep.cacheCheck().integrityOk()) {
                found.add("integrity check failed (" + rep.cacheCheck().detail() + ")");
            }
            if (!rep.cacheCheck().contentOk()) {
                found.add("content check failed (" + rep.cacheCheck().detail() + ")");
            }
            return found;
        });
        if (problems.isEmpty()) {
            return CriterionResult.judged(Criterion.DATA_INTEGRITY, 0,
                    "The SQLite integrity check and the content check passed after all " + runs(summaries) + ".");
        }
        return CriterionResult.judged(Criterion.DATA_INTEGRITY, problems.size(),
                Formats.count(problems.size(), "failed check") + ": " + named(problems) + ".");
    }

    private static CriterionResult successRate(List<ScenarioSummary> summaries) {
        var atTarget = atTargetWorkers(summaries);
        if (atTarget.isEmpty()) {
            return CriterionResult.noData(Criterion.SUCCESS_RATE, noTargetScenario());
        }
        if (atTarget.stream().allMatch(s -> s.inputs() == 0)) {
            return CriterionResult.noData(Criterion.SUCCESS_RATE,
                    "The " + TARGET_WORKERS + "-worker scenarios had no inputs, so there is no success rate.");
        }
        double lowest = atTarget.stream().mapToDouble(ScenarioSummary::successRate).min().orElseThrow();
        var perTest = atTarget.stream()
                .map(s -> "test " + s.test() + ": " + s.successes() + " of " + s.inputs() + " scans, "
                        + Formats.percent(s.successRate()))
                .toList();
        return CriterionResult.judged(Criterion.SUCCESS_RATE, lowest, "Lowest success rate with " + TARGET_WORKERS
                + " workers: " + Formats.against(lowest, Criterion.SUCCESS_RATE.threshold(), 1) + "% ("
                + String.join("; ", perTest) + ").");
    }

    private static List<ScenarioSummary> atTargetWorkers(List<ScenarioSummary> summaries) {
        return summaries.stream().filter(s -> s.workers() == TARGET_WORKERS).toList();
    }

    private static ScenarioSummary find(List<ScenarioSummary> summaries, int workers, CacheState state) {
        return summaries.stream()
                .filter(s -> s.workers() == workers && s.cacheState() == state)
                .findFirst()
                .orElse(null);
    }

    private static List<String> problems(
            List<ScenarioSummary> summaries, BiFunction<ScenarioSummary, Repetition, List<String>> check) {
        var problems = new ArrayList<String>();
        for (var summary : summaries) {
            var reps = summary.scenario().repetitions();
            for (int i = 0; i < reps.size(); i++) {
                for (var problem : check.apply(summary, reps.get(i))) {
                    problems.add(where(summary, i) + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static String where(ScenarioSummary summary, int repetition) {
        return summary.repetitions() == 1
                ? "test " + summary.test()
                : "test " + summary.test() + " run " + (repetition + 1);
    }

    private static String named(List<String> problems) {
        var shown = problems.subList(0, Math.min(NAMED_PROBLEMS, problems.size()));
        String more = problems.size() > NAMED_PROBLEMS ? "; and " + (problems.size() - NAMED_PROBLEMS) + " more" : "";
        return String.join("; ", shown) + more;
    }

    private static String runs(List<ScenarioSummary> summaries) {
        long timed = summaries.stream().mapToLong(ScenarioSummary::repetitions).sum();
        return Formats.count(timed, "timed run") + " of " + Formats.count(summaries.size(), "scenario");
    }

    private static String withInterval(Estimate estimate, DoubleFunction<String> format) {
        String median = format.apply(estimate.median());
        return estimate.hasInterval()
                ? median + " (95% interval " + Formats.interval(estimate.interval(), format) + ")"
                : median;
    }

    private static String intervalNote(ScenarioSummary target, ScenarioSummary baseline) {
        int fewest = Math.min(target.repetitions(), baseline.repetitions());
        return fewest < 3 ? "; with " + Formats.count(fewest, "repetition") + ", no interval exists" : "";
    }

    private static String noTargetScenario() {
        return "No scenario with " + TARGET_WORKERS + " workers finished, so there is no data for this criterion.";
    }

    private static String noScenario() {
        return "No scenario finished, so there is no data for this criterion.";
    }

}
