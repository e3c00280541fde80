package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.stats.Estimate;
import java.time.Duration;
import java.util.function.DoubleFunction;
import java.util.function.ToLongFunction;

/** How the tables show derived values, so every table shows them alike. Not API. */
final class Cells {

    /** Shown where a value does not exist. */
    static final String NONE = "—";

    private Cells() {}

    /** {@code 22.1s (21.0–23.4)}: the median, with its interval when it has one. */
    static String estimate(Estimate estimate, DoubleFunction<String> format) {
        if (estimate == null) {
            return NONE;
        }
        String median = format.apply(estimate.median());
        return estimate.hasInterval() ? median + " (" + Formats.interval(estimate.interval(), format) + ")" : median;
    }

    /** The speedup against the baseline, {@code 1.00x (baseline)} for the baseline itself. */
    static String speedup(ScenarioSummary summary, Integer baseline) {
        if (baseline != null && summary.test() == baseline) {
            return "1.00x (baseline)";
        }
        return estimate(summary.speedup(), Formats::speedup);
    }

    /** A per-repetition count: its lower median, with the range when repetitions differ. */
    static String perRepetition(ScenarioSummary summary, long median, ToLongFunction<Repetition> value) {
        var stats = summary.scenario().repetitions().stream().mapToLong(value).summaryStatistics();
        return stats.getMin() == stats.getMax() ? String.valueOf(median)
                : median + " (" + stats.getMin() + "–" + stats.getMax() + ")";
    }

    /** A duration in vscan seconds, two decimals. */
    static String latency(Duration duration) {
        return Formats.fineSeconds(duration.toNanos() / 1e9);
    }

    /** {@code 0.41 / 0.88 / 1.20}: p50 / p90 / p99 in seconds. */
    static String percentiles(LatencyPercentiles latency) {
        return Formats.decimal(latency.p50().toNanos() / 1e9, 2) + " / "
                + Formats.decimal(latency.p90().toNanos() / 1e9, 2)
                + " / " + Formats.decimal(latency.p99().toNanos() / 1e9, 2);
    }

    /** ✓ or ✗. */
    static String check(boolean ok) {
        return ok ? "✓" : "✗";
    }
}
