package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.time.TimeScale;

/**
 * The time scale: real seconds per vscan second, applied to the simulator and the client alike
 * (docs/time-scale.md).
 */
public final class TimeOptions {

    /**
     * Under {@code --simulate} the full default matrix on the {@code vscan} profile is about 600
     * vscan-seconds of work (30 extensions, 1.5 s pacing, 8 scenarios, warm-up); 0.05 brings that
     * to about 30 real seconds, inside the 60 s target with room for the JVM and the build, while
     * keeping the shortest simulated latency (~15 ms) well above timer noise.
     */
    public static final double SIMULATED_DEFAULT = 0.05;

    @Parameter(
            names = "--time-scale",
            description = "Real seconds per vscan second for every wait, simulator and client alike "
                    + "(default 0.05 with --simulate, else 1)")
    public Double timeScale;

    public void validate() {
        if (timeScale != null && (!(timeScale > 0) || timeScale.isInfinite() || timeScale > 1000)) {
            throw new UsageException("--time-scale must be a positive number (at most 1000), got " + timeScale);
        }
    }

    public TimeScale scale(boolean simulated) {
        if (timeScale != null) {
            return new TimeScale(timeScale);
        }
        return simulated ? new TimeScale(SIMULATED_DEFAULT) : TimeScale.REAL;
    }
}
