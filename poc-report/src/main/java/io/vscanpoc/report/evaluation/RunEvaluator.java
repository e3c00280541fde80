package io.vscanpoc.report.evaluation;

import io.vscanpoc.report.evaluation.internal.CriteriaEvaluator;
import io.vscanpoc.report.evaluation.internal.SanityChecker;
import io.vscanpoc.report.evaluation.internal.ScenarioSummarizer;
import io.vscanpoc.report.evaluation.internal.WorkerRecommender;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/**
 * Computes the Go/No-Go verdict from recorded results. The rules are documented in docs/report.md;
 * in short: GO only when every {@link Criterion} passes and the run is complete. Pure and
 * deterministic: the same results always give the same evaluation.
 */
public final class RunEvaluator {

    private RunEvaluator() {}

    /** Evaluates {@code results}. Never produces NaN or infinity, whatever was recorded. */
    public static Evaluation evaluate(RunResults results) {
        var summaries = ScenarioSummarizer.summarize(results);
        var criteria = CriteriaEvaluator.evaluate(results, summaries);
        var flags = SanityChecker.check(results.metadata(), summaries);
        var workers = WorkerRecommender.recommend(summaries);
        var actions = new ArrayList<String>();
        for (var criterion : criteria) {
            if (!criterion.passed()) {
                actions.add("Address: " + criterion.criterion().failTitle());
            }
        }
        boolean partial = results.metadata().partial();
        if (partial) {
            int planned = new LinkedHashSet<>(results.metadata().order().tests()).size();
            actions.add("Address: Run interrupted after " + summaries.size() + " of "
                    + Math.max(planned, summaries.size()) + " planned scenarios; rerun the full matrix");
        }
        var decision = actions.isEmpty() ? Decision.GO : Decision.NO_GO;
        Integer baseline = results.scenario(1, CacheState.EMPTY).map(s -> s.test()).orElse(null);
        return new Evaluation(decision, criteria, summaries, flags, workers, actions, baseline);
    }
}
