/**
 * The simulator on the command line: the {@code --sim-*} flags shared by every command that can run
 * simulated ({@link io.vscanpoc.cli.sim.SimFlags}), and {@code vscan-poc sim}, which serves the
 * simulator on its own ({@link io.vscanpoc.cli.sim.SimCommand}).
 */
package io.vscanpoc.cli.sim;
