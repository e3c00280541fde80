package io.vscanpoc.sim;

import java.util.Objects;

/**
 * A fault drawn at random: each API request that passed the limits gets {@code fault} with
 * {@code probability}, from a draw seeded by the simulator's seed and the request's arrival
 * number. A request gets at most one fault: the rates of one configuration must add up to at most 1.
 *
 * @param fault the fault; analysis faults belong in {@link SimulatorConfig#analysisFailureRate()}
 *     and {@link SimulatorConfig#analysisNeverCompletesRate()} instead
 * @param probability between 0 and 1
 */
public record FaultRate(Fault fault, double probability) {

    public FaultRate {
        Objects.requireNonNull(fault, "fault");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault probability must be between 0 and 1, got " + probability);
        }
        if (fault instanceof Fault.AnalysisFails || fault instanceof Fault.AnalysisNeverCompletes) {
            throw new IllegalArgumentException(
                    "analysis faults are drawn per analysis: use analysisFailureRate or analysisNeverCompletesRate");
        }
    }
}
