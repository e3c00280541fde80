/**
 * The Go/No-Go evaluation: criteria, derived per-scenario values, sanity flags and worker counts,
 * all computed from recorded data by {@link io.vscanpoc.report.evaluation.RunEvaluator}.
 */
package io.vscanpoc.report.evaluation;
