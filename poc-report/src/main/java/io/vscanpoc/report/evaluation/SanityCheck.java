package io.vscanpoc.report.evaluation;

/**
 * The checks that look for numbers too good, or too thin, to trust. They do not change the
 * decision; they say where the evidence is weak. The {@link #id() ids} appear in the JSON.
 */
public enum SanityCheck {
    /** A speedup above workers x 1.05 against the 1-worker scenario with the same cache state. */
    SUPER_LINEAR_SPEEDUP("superLinearSpeedup", "Super-linear speedup"),
    /** A repetition's cache hits differ from what its cache state promises. */
    CACHED_MISMATCH("cachedMismatch", "Cached count differs from the cache state"),
    /** Client-counted requests or 429s differ from the simulator's own counters. */
    GROUND_TRUTH_MISMATCH("groundTruthMismatch", "Client counts differ from the simulator's ground truth"),
    /** The baseline's success rate is below 95%, so every speedup rests on a shaky base. */
    LOW_BASELINE_SUCCESS("lowBaselineSuccess", "Baseline success rate below 95%"),
    /** A scenario rests on fewer than 80% successes. */
    LOW_SUCCESS("lowSuccess", "Scenario resting on fewer than 80% successes"),
    /** No warm-up pass: the first scenarios warmed the server's cache for later ones. */
    NO_WARMUP("noWarmup", "No warm-up before timing");

    private final String id;
    private final String title;

    SanityCheck(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The stable id used in the JSON. */
    public String id() {
        return id;
    }

    /** A short name for the report's checklist. */
    public String title() {
        return title;
    }
}
