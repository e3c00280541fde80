package io.vscanpoc.report.render.internal;

import static io.vscanpoc.report.evaluation.Thresholds.TARGET_WORKERS;

import io.vscanpoc.report.evaluation.CriterionResult;
import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.stats.MedianEstimator;
import java.util.ArrayList;

/** What to do next, from the brief's GO and NO-GO next steps plus what this run's data calls for. */
public final class NextStepsSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        var evaluation = context.evaluation();
        var workers = evaluation.workers();
        var steps = new ArrayList<String>();
        if (evaluation.decision() == Decision.NO_GO && evaluation.allPassed()) {
            steps.add("Rerun the full matrix: every criterion that could be judged passed, but an interrupted run"
                    + " decides nothing.");
            steps.add("Update the v3.4 roadmap only after a complete run.");
        } else if (evaluation.decision() == Decision.GO) {
            steps.add("Review the detailed results in this report and its JSON.");
            steps.add("Update the v3.4 roadmap with the PoC findings.");
            steps.add(workers.recommended() == null
                    ? "Proceed to Phase 1: production implementation. No worker count met the recommendation rule"
                            + " (see its rationale), so choose the default by hand from the Rate Limit Findings."
                    : "Proceed to Phase 1: production implementation with "
                            + Formats.count(workers.recommended(), "worker")
                            + " as the default, keeping the pacing, retries and Retry-After handling measured here.");
        } else {
            steps.add("Analyse the failures above: the criteria's evidence, the Error Breakdown and the Latency"
                    + " table.");
            steps.add("Consider alternatives: reduce the worker count to 2; increase the delay between requests;"
                    + " implement more sophisticated rate limiting (a shared token bucket honouring Retry-After);"
                    + " or abandon parallel scanning for v3.4.");
            steps.add("Update the v3.4 roadmap with the decision and its rationale.");
        }
        document.heading(2, "Recommendations and Next Steps").numbered(steps);
        var advice = new ArrayList<String>();
        for (var result : evaluation.criteria()) {
            if (!result.passed()) {
                advice.add(advice(result));
            }
        }
        if (context.metadata().partial()) {
            advice.add("The run was interrupted: rerun the full matrix before deciding.");
        }
        if (workers.maxSafe() != null && workers.recommended() != null && workers.maxSafe() > workers.recommended()) {
            advice.add("Up to " + Formats.count(workers.maxSafe(), "worker") + " stayed free of 429s and failures in"
                    + " their own scenarios, but the recommendation rule stopped at " + workers.recommended()
                    + " (see its rationale); keep the default there and make the worker count configurable.");
        }
        if (context.metadata().repetitions() < MedianEstimator.MIN_SAMPLES_FOR_INTERVAL) {
            advice.add("Repeat with `--repetitions 3` or more, so durations and speedups get 95% intervals.");
        }
        if (!context.metadata().warmup()) {
            advice.add("Run with the warm-up on, so the baseline is not the only scenario to meet a cold server"
                    + " cache.");
        }
        if (!evaluation.sanityFlags().isEmpty()) {
            advice.add("Resolve the " + Formats.count(evaluation.sanityFlags().size(), "sanity flag")
                    + " before relying on"
                    + " the numbers.");
        }
        if (context.simulated()) {
            advice.add("Run against vscan.dev (without `--simulate`) before deciding: a simulated result shows the"
                    + " scanner works, not what vscan.dev allows.");
        }
        document.bullets(advice);
    }

    private static String advice(CriterionResult result) {
        return result.criterion().failTitle() + ": " + switch (result.criterion()) {
            case NO_RATE_LIMIT -> "reduce the production default to 2 workers, or increase the delay between requests.";
            case SQLITE_THREAD_SAFETY -> "review the cache's write path (serialise writes, keep the pool small, BEGIN"
                    + " IMMEDIATE) and run a concurrent scenario.";
            case SPEEDUP -> "analyse the per-extension timing variance (Latency) and whether the speedup measured is"
                    + " still worth the complexity.";
            case STATS_ACCURACY -> "fix the counters before trusting any number in this report.";
            case ERROR_HANDLING -> "find the inputs without exactly one classified outcome; every failure must be"
                    + " classified.";
            case DATA_INTEGRITY -> "investigate the cache corruption before any parallel write ships.";
            case SUCCESS_RATE -> "investigate the failures with " + TARGET_WORKERS
                    + " workers in the Error Breakdown.";
        };
    }
}
