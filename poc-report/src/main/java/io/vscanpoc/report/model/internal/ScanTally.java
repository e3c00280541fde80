package io.vscanpoc.report.model.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.StatsSnapshot;
import io.vscanpoc.report.model.StatsAgreement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the outcomes of one scan add up to, counted from the per-result records rather than from
 * the scanner's counters, so the two can be compared. Not API.
 */
public record ScanTally(
        long successes,
        long cached,
        Map<ErrorCategory, Long> errors,
        List<Duration> taskDurations,
        List<PhaseTimings> apiTimings) {

    /** Counts the outcomes of {@code report}. */
    public static ScanTally of(ScanReport<?, ?> report) {
        long successes = 0;
        long cached = 0;
        var errors = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        var durations = new ArrayList<Duration>();
        var timings = new ArrayList<PhaseTimings>();
        for (ScanOutcome<?, ?> outcome : report.outcomes()) {
            switch (outcome) {
                case ScanOutcome.Success<?, ?> success -> {
                    successes++;
                    durations.add(success.duration());
                    if (success.fromCache()) {
                        cached++;
                    } else if (success.value() instanceof ScanResult result) {
                        timings.add(result.timings());
                    }
                }
                case ScanOutcome.Failure<?, ?> failure -> {
                    errors.merge(failure.category(), 1L, Long::sum);
                    if (failure.started()) {
                        durations.add(failure.duration());
                    }
                }
            }
        }
        return new ScanTally(successes, cached, Map.copyOf(errors), List.copyOf(durations), List.copyOf(timings));
    }

    /** Compares the scanner's counters with this tally, and says where they differ. */
    public StatsAgreement agreement(StatsSnapshot stats) {
        var differences = new ArrayList<String>();
        if (stats.successes() != successes) {
            differences.add("successes: stats " + stats.successes() + ", outcomes " + successes);
        }
        if (stats.cacheHits() != cached) {
            differences.add("cache hits: stats " + stats.cacheHits() + ", outcomes " + cached);
        }
        for (var category : ErrorCategory.values()) {
            long counted = errors.getOrDefault(category, 0L);
            if (stats.failures(category) != counted) {
                differences.add(category + ": stats " + stats.failures(category) + ", outcomes " + counted);
            }
        }
        long failures = errors.values().stream().mapToLong(Long::longValue).sum();
        if (differences.isEmpty()) {
            return new StatsAgreement(true, "stats and outcomes agree: " + successes + " successes ("
                    + cached + " cached), " + failures + " failures");
        }
        return new StatsAgreement(false, "stats and outcomes differ: " + String.join("; ", differences));
    }
}
