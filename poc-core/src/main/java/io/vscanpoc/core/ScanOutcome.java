package io.vscanpoc.core;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened to one input item of a scan: a {@link Success} with its value, or a {@link Failure}
 * with its category. A scan produces exactly one outcome per input, at the input's index.
 */
public sealed interface ScanOutcome<I, R> {

    /** Position of the item in the input list. */
    int index();

    /** The input item. */
    I item();

    /** Time the task ran, from start to end; zero for an item that never started. */
    Duration duration();

    /** True for a {@link Success}. */
    default boolean succeeded() {
        return this instanceof Success;
    }

    /** The task returned {@code value}. */
    record Success<I, R>(int index, I item, R value, Duration duration) implements ScanOutcome<I, R> {
        public Success {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(duration, "duration");
        }

        /** True when the value says it was served from a cache (see {@link CacheAware}). */
        public boolean fromCache() {
            return value instanceof CacheAware c && c.fromCache();
        }
    }

    /**
     * The task failed, timed out, or was cancelled.
     *
     * @param category why, see {@link ErrorCategory}
     * @param message one line for a human, never a response body
     * @param httpStatus the HTTP status that caused it, or 0 when there was none
     * @param started false when the task was cancelled before it ran
     * @param cause what was thrown, or null when nothing was (cancelled before start)
     */
    record Failure<I, R>(
            int index,
            I item,
            ErrorCategory category,
            String message,
            int httpStatus,
            Duration duration,
            boolean started,
            Throwable cause)
            implements ScanOutcome<I, R> {
        public Failure {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(duration, "duration");
        }

        /** The HTTP status, when an HTTP answer caused the failure. */
        public OptionalInt status() {
            return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
        }
    }
}
