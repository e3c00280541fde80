package io.vscanpoc.report.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a run and everything derived on the way to it.
 *
 * @param decision GO only when every criterion passed on a complete run
 * @param criteria every criterion, in {@link Criterion} order
 * @param scenarios one summary per finished scenario, in the results' order
 * @param sanityFlags raised sanity checks; empty when none
 * @param workers the recommended and max safe worker counts
 * @param actions "Address: ..." lines for a NO-GO; empty for a GO
 * @param baseline the baseline's test number (1 worker, empty cache); null when it did not finish
 */
public record Evaluation(
        Decision decision,
        List<CriterionResult> criteria,
        List<ScenarioSummary> scenarios,
        List<SanityFlag> sanityFlags,
        WorkerRecommendation workers,
        List<String> actions,
        Integer baseline) {

    public Evaluation {
        Objects.requireNonNull(decision, "decision");
        criteria = List.copyOf(criteria);
        scenarios = List.copyOf(scenarios);
        sanityFlags = List.copyOf(sanityFlags);
        Objects.requireNonNull(workers, "workers");
        actions = List.copyOf(actions);
    }

    /** The result of one criterion. */
    public CriterionResult criterion(Criterion criterion) {
        return criteria.stream()
                .filter(c -> c.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    /** The summary of one scenario, if it finished. */
    public Optional<ScenarioSummary> scenario(int test) {
        return scenarios.stream().filter(s -> s.test() == test).findFirst();
    }

    /** True when every criterion passed. */
    public boolean allPassed() {
        return criteria.stream().allMatch(CriterionResult::passed);
    }
}
