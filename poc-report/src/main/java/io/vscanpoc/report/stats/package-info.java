/** Medians, 95% bootstrap intervals and nearest-rank percentiles, deterministic by a fixed seed. */
package io.vscanpoc.report.stats;
