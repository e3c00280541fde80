package io.vscanpoc.report.model;

import java.util.List;
import java.util.Objects;

/**
 * One scenario of the matrix and every timed repetition of it that finished.
 *
 * @param test the scenario's number in the matrix, from 1 (test 1 is 1 worker, empty cache)
 * @param workers the worker cap
 * @param cacheState the state the cache was put in before each repetition
 * @param expectedCached how many cache hits that state promises for each repetition (0 for
 *     {@link CacheState#EMPTY}, exactly half the inputs for {@link CacheState#HALF})
 * @param repetitions at least one, in the order they ran
 */
public record ScenarioResult(
        int test, int workers, CacheState cacheState, int expectedCached, List<Repetition> repetitions) {

    public ScenarioResult {
        if (test < 1) {
            throw new IllegalArgumentException("test number must be at least 1, got " + test);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        Objects.requireNonNull(cacheState, "cacheState");
        if (expectedCached < 0) {
            throw new IllegalArgumentException("expectedCached must not be negative");
        }
        repetitions = List.copyOf(repetitions);
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("test " + test
                    + " has no repetition; leave out a scenario that did not finish");
        }
    }

    /**
     * A scenario whose expected cache hits follow from its state and the first repetition's inputs:
     * {@code cacheState.expectedCached(inputs)}.
     */
    public ScenarioResult(int test, int workers, CacheState cacheState, List<Repetition> repetitions) {
        this(test, workers, cacheState, expected(cacheState, repetitions), repetitions);
    }

    private static int expected(CacheState cacheState, List<Repetition> repetitions) {
        Objects.requireNonNull(cacheState, "cacheState");
        return repetitions.isEmpty() ? 0 : cacheState.expectedCached(repetitions.getFirst().inputs());
    }
}
