package io.vscanpoc.core.scanner;

import io.vscanpoc.core.ErrorCategory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ParallelScanner} does when a task fails: go on and collect every outcome (the
 * default), or stop the scan at the first failure in one of the chosen categories.
 *
 * <p>Only a task's own failure can stop a scan: what a task threw, or its per-task timeout
 * ({@link ErrorCategory#TIMEOUT}). The outcomes a stop produces itself (cancelled or
 * overall-deadline items) never trigger a further stop, which is why {@link ErrorCategory#CANCELLED}
 * is rejected here: no task can fail with it on its own.
 *
 * @param stopCategories the categories that stop the scan; empty to collect all
 */
public record FailurePolicy(Set<ErrorCategory> stopCategories) {

    private static final FailurePolicy COLLECT_ALL = new FailurePolicy(Set.of());

    public FailurePolicy {
        Objects.requireNonNull(stopCategories, "stopCategories");
        if (stopCategories.contains(ErrorCategory.CANCELLED)) {
            throw new IllegalArgumentException(
                    "CANCELLED cannot stop a scan: it is the outcome of a stop, never a task's own failure");
        }
        stopCategories = stopCategories.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(stopCategories));
    }

    /** Every task runs (unless the caller, a deadline or a fatal error stops the scan). */
    public static FailurePolicy collectAll() {
        return COLLECT_ALL;
    }

    /** Stops the scan at the first task failure in any of the given categories. */
    public static FailurePolicy failFastOn(ErrorCategory first, ErrorCategory... more) {
        var categories = EnumSet.of(first, more);
        return new FailurePolicy(categories);
    }

    /** Stops the scan at the first task failure in any of {@code categories}. */
    public static FailurePolicy failFastOn(Set<ErrorCategory> categories) {
        return new FailurePolicy(categories);
    }

    /** True when a task failure of {@code category} stops the scan. */
    public boolean stopsOn(ErrorCategory category) {
        return stopCategories.contains(category);
    }

    /** True unless this is {@link #collectAll()}. */
    public boolean failsFast() {
        return !stopCategories.isEmpty();
    }
}
