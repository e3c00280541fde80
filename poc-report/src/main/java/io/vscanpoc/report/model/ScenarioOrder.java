package io.vscanpoc.report.model;

import java.util.List;
import java.util.Objects;

/**
 * The order the scenarios were planned to run in.
 *
 * @param mode fixed (matrix order) or shuffled
 * @param tests test numbers in run order, one entry per timed run, so repetitions appear as many
 *     times as they ran; for a partial run, the whole plan (the report tells finished from planned)
 */
public record ScenarioOrder(Mode mode, List<Integer> tests) {

    public ScenarioOrder {
        Objects.requireNonNull(mode, "mode");
        tests = List.copyOf(tests);
    }

    /** The matrix's tests in this order. */
    public static ScenarioOrder fixed(List<Integer> tests) {
        return new ScenarioOrder(Mode.FIXED, tests);
    }

    /** A shuffled order, as actually run. */
    public static ScenarioOrder shuffled(List<Integer> tests) {
        return new ScenarioOrder(Mode.SHUFFLED, tests);
    }

    /** How the order was chosen. */
    public enum Mode {
        /** The matrix order, test 1 first. */
        FIXED("fixed"),
        /** A random permutation (per repetition round), to spread order effects. */
        SHUFFLED("shuffled");

        private final String jsonName;

        Mode(String jsonName) {
            this.jsonName = jsonName;
        }

        /** {@code fixed} or {@code shuffled}. */
        public String jsonName() {
            return jsonName;
        }
    }
}
