package io.vscanpoc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import io.vscanpoc.sim.internal.PacedWorkersModel.Pacing;
import io.vscanpoc.sim.internal.PacedWorkersModel.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code vscan} profile is calibrated so the PoC learns something: paced like the PoC's client
 * (1.5 s between a worker's requests), 3 workers never see a 429 and 7 always do, whichever way the
 * pacing is measured and for any of ten seeds. See docs/simulator.md.
 */
class VscanProfileCalibrationTest {

    private static final long PACING = 1_500_000_000L;

    @ParameterizedTest
    @EnumSource(Pacing.class)
    void threeWorkersStayClearAndSevenHitTheLimit(Pacing pacing) {
        for (long seed = 1; seed <= 10; seed++) {
            SimulatorConfig config = SimulatorProfile.VSCAN.builder().seed(seed).build();
            Result three = PacedWorkersModel.run(config, 3, PACING, pacing);
            Result seven = PacedWorkersModel.run(config, 7, PACING, pacing);
            assertEquals(0, three.http429(), "seed " + seed + ": " + three);
            assertTrue(seven.http429() > 0, "seed " + seed + ": " + seven);
        }
    }

    @ParameterizedTest
    @EnumSource(Pacing.class)
    void threeWorkersGiveASpeedupThePoCCanMeasure(Pacing pacing) {
        SimulatorConfig config = SimulatorProfile.VSCAN.config();
        Result one = PacedWorkersModel.run(config, 1, PACING, pacing);
        Result three = PacedWorkersModel.run(config, 3, PACING, pacing);
        double speedup = one.seconds() / three.seconds();
        // Sub-linear, because the on-demand analyses are a tail no worker count shortens.
        assertTrue(speedup > 2 && speedup < 3, "speedup " + speedup);
    }
}
