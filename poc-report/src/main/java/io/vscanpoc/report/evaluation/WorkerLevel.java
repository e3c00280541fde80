package io.vscanpoc.report.evaluation;

import io.vscanpoc.report.stats.Estimate;

/**
 * One tested worker count, across its cache states.
 *
 * @param workers the worker count
 * @param http429 429 responses at this count, all scenarios and repetitions
 * @param retries retried requests at this count
 * @param lowestSuccessRate the lowest success rate, in percent, of its scenarios
 * @param safe zero 429s and every scenario at least 95% successful
 * @param speedup the speedup the recommendation compares: empty cache against the baseline, or
 *     (when no empty-cache scenario ran) 50/50 against the 1-worker 50/50 scenario; null when
 *     neither exists
 * @param speedupBasis what {@code speedup} compares, e.g. {@code "empty cache"}; null with it
 */
public record WorkerLevel(
        int workers, long http429, long retries, double lowestSuccessRate, boolean safe, Estimate speedup,
        String speedupBasis) {}
