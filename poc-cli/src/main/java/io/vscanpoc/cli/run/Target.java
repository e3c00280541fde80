package io.vscanpoc.cli.run;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.options.TargetOptions;
import io.vscanpoc.cli.sim.SimFlags;
import io.vscanpoc.core.time.TimeScale;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorStats;
import io.vscanpoc.sim.VscanSimulator;
import java.net.URI;
import java.util.Optional;

/**
 * The API a run talks to: the real vscan.dev (or another URL), or a simulator this process starts
 * on 127.0.0.1 and stops when the run ends.
 *
 * @param apiUrl the base URL the client uses
 * @param simulator the running simulator, or null against a real API
 * @param simulatorConfig its configuration, or null
 * @param scale real seconds per vscan second, shared by the simulator and the client
 */
public record Target(URI apiUrl, VscanSimulator simulator, SimulatorConfig simulatorConfig, TimeScale scale)
        implements AutoCloseable {

    public static Target open(TargetOptions target, SimFlags sim, TimeScale scale) {
        if (!target.simulate) {
            return new Target(target.apiUri(), null, null, scale);
        }
        SimulatorConfig config = sim.toConfig(scale.factor());
        VscanSimulator simulator;
        try {
            simulator = VscanSimulator.start(config);
        } catch (RuntimeException e) {
            throw new UsageException("cannot start the simulator: " + e.getMessage());
        }
        return new Target(simulator.baseUrl(), simulator, config, scale);
    }

    public boolean simulated() {
        return simulator != null;
    }

    /** The simulator's counters now; empty against a real API. */
    public Optional<SimulatorStats> groundTruth() {
        return simulated() ? Optional.of(simulator.stats()) : Optional.empty();
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
