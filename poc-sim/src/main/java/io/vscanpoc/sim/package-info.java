/**
 * A vscan.dev stand-in served over real HTTP on 127.0.0.1: the same endpoints and JSON, a latency
 * model, a server-side analysis cache, rate and capacity limits, scripted and random faults, one
 * time scale for every duration, and ground-truth counters.
 *
 * <p>Start one with {@link io.vscanpoc.sim.VscanSimulator#start(SimulatorConfig)}; pick behaviour
 * with a {@link io.vscanpoc.sim.SimulatorProfile} and override any knob through
 * {@link io.vscanpoc.sim.SimulatorConfig.Builder}. The package shares no classes with the client on
 * purpose: a client bug shows up as a failure or a mismatch against {@link
 * io.vscanpoc.sim.SimulatorStats}, instead of being mirrored. See docs/simulator.md.
 */
package io.vscanpoc.sim;
