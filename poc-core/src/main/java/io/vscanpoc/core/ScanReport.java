package io.vscanpoc.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of one {@code scan} call.
 *
 * @param outcomes exactly one per input, in input order ({@code outcomes.get(i).index() == i})
 * @param wallTime from the call to its return
 * @param stats the scanner's counters at the end; they agree exactly with {@code outcomes}
 * @param stop why the scan ended
 */
public record ScanReport<I, R>(
        List<ScanOutcome<I, R>> outcomes, Duration wallTime, StatsSnapshot stats, StopReason stop) {

    public ScanReport {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(stop, "stop");
    }

    /** Why a scan ended. */
    public enum StopReason {
        /** Every task ran to an outcome of its own. */
        COMPLETED,
        /** The calling thread was interrupted; unfinished items are {@link ErrorCategory#CANCELLED}. */
        INTERRUPTED,
        /** The overall deadline passed; unfinished items are {@link ErrorCategory#TIMEOUT}. */
        DEADLINE,
        /** A failure in a fail-fast category stopped it; unfinished items are CANCELLED. */
        FAIL_FAST
    }

    /** Number of successful outcomes. */
    public long successes() {
        return outcomes.stream().filter(ScanOutcome::succeeded).count();
    }
}
