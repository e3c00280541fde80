package io.vscanpoc.report.evaluation;

/**
 * The checks that look for numbers too good, or too thin, to trust. They do not change the
 * decision; they say where the evidence is weak. The {@link #id() ids} appear in the JSON.
 */
public enum SanityCheck {
    /** A speedup above workers x 1.05 against the 1-worker scenario with the same cache state. */
    SUPER_LINEAR_SPEEDUP("superLinearSpeedup", "Super-linear speedup",
            "No speedup exceeds its worker count by more than 5%."),
    /** A repetition's cache hits differ from what its cache state promises. */
    CACHED_MISMATCH("cachedMismatch", "Cached count differs from the cache state",
            "Every run served exactly the cache hits its cache state promises."),
    /** Client-counted requests or 429s differ from the simulator's own counters. */
    GROUND_TRUTH_MISMATCH("groundTruthMismatch", "Client counts differ from the simulator's ground truth",
            "The client's request and 429 counts equal the simulator's in every run."),
    /** The baseline's success rate is below 95%, so every speedup rests on a shaky base. */
    LOW_BASELINE_SUCCESS("lowBaselineSuccess", "Baseline success rate below 95%",
            "The baseline, if it finished, succeeded for at least 95% of its scans."),
    /** A scenario rests on fewer than 80% successes. */
    LOW_SUCCESS("lowSuccess", "Scenario resting on fewer than 80% successes",
            "Every scenario rests on at least 80% successes."),
    /** No warm-up pass: the first scenarios warmed the server's cache for later ones. */
    NO_WARMUP("noWarmup", "No warm-up before timing", "A warm-up pass ran before timing.");

    private final String id;
    private final String title;
    private final String clear;

    SanityCheck(String id, String title, String clear) {
        this.id = id;
        this.title = title;
        this.clear = clear;
    }

    /** The stable id used in the JSON. */
    public String id() {
        return id;
    }

    /** A short name for the report's checklist. */
    public String title() {
        return title;
    }

    /** What the report says when this check raised nothing. */
    public String clear() {
        return clear;
    }
}
