package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.RunResults;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every Markdown section renders from. Not API.
 *
 * @param results the recorded run
 * @param evaluation its evaluation
 * @param chartImage relative link to the SVG chart written beside the report; null for none
 */
public record ReportContext(RunResults results, Evaluation evaluation, String chartImage) {

    public ReportContext {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(evaluation, "evaluation");
    }

    /** The run's metadata. */
    public RunMetadata metadata() {
        return results.metadata();
    }

    /** The scenario summaries, in results order. */
    public List<ScenarioSummary> summaries() {
        return evaluation.scenarios();
    }

    /** True for a simulated run. */
    public boolean simulated() {
        return results.metadata().simulated();
    }

    /** The summary of the scenario with this worker count and cache state, if it finished. */
    public Optional<ScenarioSummary> scenario(int workers, CacheState state) {
        return summaries().stream()
                .filter(s -> s.workers() == workers && s.cacheState() == state)
                .findFirst();
    }
}
