package io.vscanpoc.cli.sim;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.vscanpoc.cli.Command;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorStats;
import io.vscanpoc.sim.VscanSimulator;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code vscan-poc sim}: serves the vscan.dev simulator on 127.0.0.1 until Ctrl-C (or {@link
 * #stop()}), so any client can use it. The first line on stdout is the base URL, alone, for scripts;
 * everything else goes to stderr.
 */
@Parameters(commandNames = "sim", commandDescription = "Serve the vscan.dev simulator on 127.0.0.1 until Ctrl-C")
public final class SimCommand implements Command {

    private static final long CLOSE_WAIT_SECONDS = 10;

    @Parameter(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one")
    public int port = 0;

    @Parameter(names = "--time-scale",
            description = "Real seconds per vscan second for every simulated duration (docs/time-scale.md)")
    public double timeScale = 1.0;

    @ParametersDelegate
    public SimFlags sim = new SimFlags();

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int run(PrintStream out, PrintStream err) throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        SimulatorConfig config = sim.toConfig(timeScale).toBuilder().port(port).build();
        VscanSimulator simulator;
        try {
            simulator = VscanSimulator.start(config);
        } catch (UncheckedIOException e) {
            throw new UsageException("cannot listen on 127.0.0.1:" + port + " (" + e.getCause().getMessage()
                    + "); choose another --port, or 0 for a free one");
        }
        // Ctrl-C runs the hook: it asks this thread to stop and waits until the simulator is closed.
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            stopRequested.countDown();
            try {
                closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println(simulator.baseUrl());
            out.flush();
            err.println("vscan.dev simulator: profile " + config.profile() + ", time scale " + config.timeScale()
                    + ", seed " + config.seed() + "; ground truth at " + simulator.statsUrl() + "; Ctrl-C to stop");
            stopRequested.await();
        } finally {
            SimulatorStats stats = simulator.stats();
            simulator.close();
            err.println("vscan.dev simulator stopped after " + stats.requests() + " requests ("
                    + stats.http429() + " answered 429, " + stats.http5xx() + " answered 5xx)");
            err.flush();
            closed.countDown();
            removeHook(hook);
        }
        return ExitCode.GO;
    }

    /** Stops a running {@link #run}, as Ctrl-C does; for embedding and tests. */
    public void stop() {
        stopRequested.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running, or about to.
        }
    }
}
