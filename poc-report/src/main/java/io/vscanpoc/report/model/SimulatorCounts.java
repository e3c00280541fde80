package io.vscanpoc.report.model;

/**
 * The simulator's own counters for one repetition (its ground truth), to compare with what the
 * client counted. Taken as the difference of the simulator's counters before and after the
 * repetition.
 *
 * @param requests requests the simulator received
 * @param http429 429 responses the simulator sent
 */
public record SimulatorCounts(long requests, long http429) {

    public SimulatorCounts {
        if (requests < 0 || http429 < 0) {
            throw new IllegalArgumentException("simulator counts must not be negative");
        }
    }
}
