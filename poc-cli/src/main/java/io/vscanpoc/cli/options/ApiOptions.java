package io.vscanpoc.cli.options;

import com.beust.jcommander.ParametersDelegate;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.sim.SimFlags;
import io.vscanpoc.core.client.VscanClientConfig;
import io.vscanpoc.core.time.TimeScale;

/**
 * The flags every command that talks to the API shares: which API (or the simulator and its
 * {@code --sim-*} knobs), which extensions, how politely, and at which time scale.
 */
public final class ApiOptions {

    @ParametersDelegate
    public TargetOptions target = new TargetOptions();

    @ParametersDelegate
    public SimFlags sim = new SimFlags();

    @ParametersDelegate
    public InputOptions input = new InputOptions();

    @ParametersDelegate
    public PolitenessOptions politeness = new PolitenessOptions();

    @ParametersDelegate
    public TimeOptions time = new TimeOptions();

    /** Checks every flag of the group; the first problem is one {@link UsageException} line. */
    public void validate() {
        target.validate();
        input.validate();
        politeness.validate();
        time.validate();
        if (target.simulate) {
            sim.validate();
        } else if (sim.anyGiven()) {
            throw new UsageException("--sim-* flags need --simulate");
        } else {
            // The client's own rule (https except for loopback), checked before anything is sent.
            try {
                VscanClientConfig.builder().baseUrl(target.apiUri()).build();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    public boolean simulated() {
        return target.simulate;
    }

    public TimeScale scale() {
        return time.scale(target.simulate);
    }
}
