package io.vscanpoc.report.evaluation;

/**
 * The Go/No-Go criteria: the brief's six, plus the success rate at 3 workers. The {@link #id() ids}
 * are part of the JSON contract.
 */
public enum Criterion {
    /** Zero HTTP 429 responses at 3 workers, retried ones included. */
    NO_RATE_LIMIT("noRateLimit", "No rate limit errors with 3 workers", "Rate limit errors with 3 workers",
            Unit.COUNT, 0, true),
    /** Zero SQLite busy/locked events and cache errors, with concurrent workers exercised. */
    SQLITE_THREAD_SAFETY("sqliteThreadSafety", "No SQLite locking errors", "SQLite locking errors",
            Unit.COUNT, 0, true),
    /** Median speedup at 3 workers, empty cache, of at least 2.5x. */
    SPEEDUP("speedup", "Speedup target met", "Speedup below target",
            Unit.RATIO, Thresholds.SPEEDUP_TARGET, false),
    /** Stats agree with the outcomes, and with the simulator's ground truth when simulated. */
    STATS_ACCURACY("statsAccuracy", "Stats agree with the outcomes", "Stats disagree with the outcomes",
            Unit.COUNT, 0, true),
    /** Every input has exactly one classified outcome. */
    ERROR_HANDLING("errorHandling", "Every input has exactly one classified outcome",
            "Inputs without exactly one classified outcome", Unit.COUNT, 0, true),
    /** Integrity and content checks pass after every repetition. */
    DATA_INTEGRITY("dataIntegrity", "Cache integrity and content checks passed",
            "Cache integrity or content checks failed", Unit.COUNT, 0, true),
    /** Success rate of at least 95% in every 3-worker scenario. */
    SUCCESS_RATE("successRate", "High success rate with 3 workers", "Success rate below 95% with 3 workers",
            Unit.PERCENT, Thresholds.SUCCESS_RATE_TARGET, false);

    private final String id;
    private final String passTitle;
    private final String failTitle;
    private final Unit unit;
    private final double threshold;
    private final boolean atMost;

    Criterion(String id, String passTitle, String failTitle, Unit unit, double threshold, boolean atMost) {
        this.id = id;
        this.passTitle = passTitle;
        this.failTitle = failTitle;
        this.unit = unit;
        this.threshold = threshold;
        this.atMost = atMost;
    }

    /** The stable id used in the JSON. */
    public String id() {
        return id;
    }

    /** The headline when it passed, as in the brief ("No SQLite locking errors"). */
    public String passTitle() {
        return passTitle;
    }

    /** The headline when it failed; also what the "Address:" action names. */
    public String failTitle() {
        return failTitle;
    }

    /** What {@code measured} counts. */
    public Unit unit() {
        return unit;
    }

    /** The threshold {@code measured} is compared with. */
    public double threshold() {
        return threshold;
    }

    /** True when measured must be at most the threshold, false when at least. */
    public boolean atMost() {
        return atMost;
    }

    /** Whether {@code measured} meets the threshold. */
    public boolean meets(double measured) {
        return atMost ? measured <= threshold : measured >= threshold;
    }

    /** What a measured value is. */
    public enum Unit {
        /** A count of events or problems. */
        COUNT,
        /** A speedup factor. */
        RATIO,
        /** A percentage. */
        PERCENT
    }
}
