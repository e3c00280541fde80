package io.vscanpoc.report.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a PoC run recorded: its metadata and the scenarios that finished, in matrix order.
 * The evaluation and the rendered report are computed from this alone.
 *
 * @param metadata the run's metadata
 * @param scenarios the finished scenarios, each test number at most once; may be empty (a run
 *     interrupted before its first scenario finished)
 */
public record RunResults(RunMetadata metadata, List<ScenarioResult> scenarios) {

    public RunResults {
        Objects.requireNonNull(metadata, "metadata");
        scenarios = List.copyOf(scenarios);
        var seen = new HashSet<Integer>();
        for (var scenario : scenarios) {
            if (!seen.add(scenario.test())) {
                throw new IllegalArgumentException("test " + scenario.test() + " appears twice");
            }
        }
    }

    /** The scenario with this test number, if it finished. */
    public Optional<ScenarioResult> scenario(int test) {
        return scenarios.stream().filter(s -> s.test() == test).findFirst();
    }

    /** The scenario with this worker count and cache state, if it finished. */
    public Optional<ScenarioResult> scenario(int workers, CacheState cacheState) {
        return scenarios.stream()
                .filter(s -> s.workers() == workers && s.cacheState() == cacheState)
                .findFirst();
    }
}
