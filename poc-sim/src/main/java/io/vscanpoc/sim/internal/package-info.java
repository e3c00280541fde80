/**
 * The simulator's implementation. Not API: types here change without notice; use
 * {@link io.vscanpoc.sim.VscanSimulator} and its configuration instead.
 */
package io.vscanpoc.sim.internal;
