package io.vscanpoc.cli.run;

/**
 * One cell of the matrix.
 *
 * @param test the brief's test number: workers ascending, and for each the empty cache first
 * @param workers the concurrency cap
 * @param halfCached true for the 50/50 state, false for an empty cache
 */
public record Scenario(int test, int workers, boolean halfCached) {

    public String cacheLabel() {
        return halfCached ? "50/50" : "empty";
    }
}
