package io.vscanpoc.report.evaluation;

/** The numbers the evaluation judges by, in one place so the report and docs/report.md agree. */
public final class Thresholds {

    /** The worker count the brief plans for production; the criteria are judged at it. */
    public static final int TARGET_WORKERS = 3;

    /** Minimum median speedup at {@link #TARGET_WORKERS} with an empty cache. */
    public static final double SPEEDUP_TARGET = 2.5;

    /** Minimum success rate, in percent, at {@link #TARGET_WORKERS}; also what "safe" requires. */
    public static final double SUCCESS_RATE_TARGET = 95.0;

    /** A scenario with a lower success rate, in percent, rests on too few successes to time. */
    public static final double LOW_SUCCESS_RATE = 80.0;

    /** A speedup above workers x (1 + this) is super-linear. */
    public static final double SUPER_LINEAR_TOLERANCE = 0.05;

    /** A larger worker count is recommended only if its speedup beats the current pick by this. */
    public static final double RECOMMENDATION_GAIN = 0.10;

    /** The extension count of the real-world projection. */
    public static final int PROJECTION_EXTENSIONS = 66;

    private Thresholds() {}
}
