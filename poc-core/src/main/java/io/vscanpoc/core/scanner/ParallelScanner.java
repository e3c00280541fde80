package io.vscanpoc.core.scanner;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanReport.StopReason;
import io.vscanpoc.core.ScanTask;
import io.vscanpoc.core.scanner.internal.ScanScope;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one task per item on virtual threads, at most {@link #maxConcurrency()} at a time, and
 * returns exactly one {@link ScanOutcome} per item, in input order. Immutable and thread-safe; build
 * one with {@link #builder()}.
 *
 * <pre>{@code
 * var scanner = ParallelScanner.<ExtensionId, ScanResult>builder()
 *         .maxConcurrency(3)
 *         .taskTimeout(Duration.ofMinutes(5))
 *         .listener(progress)
 *         .build();
 * ScanReport<ExtensionId, ScanResult> report = scanner.scan(ids, client::scan);
 * if (report.stop() == StopReason.INTERRUPTED) { ... write the partial report, exit 130 ... }
 * }</pre>
 *
 * <h2>What {@code scan} guarantees</h2>
 * <ul>
 *   <li><b>Structure.</b> Every item's task runs on a virtual thread forked inside the call, and the
 *       call returns (or throws) only after every one of those threads has ended: no task outlives
 *       {@code scan}. Tasks are never pooled or reused.</li>
 *   <li><b>Cap.</b> At most {@code maxConcurrency} tasks of one call run at once. The permit is taken
 *       <em>before</em> the thread is forked, so at most {@code maxConcurrency} threads of a call
 *       exist at any moment and memory stays bounded whatever the number of items (apart from the
 *       one outcome kept per item). Taking it inside the thread instead would start one parked
 *       virtual thread per item at once: a million items would mean a million stacks on the heap
 *       before the first finished. The cap is per call; concurrent calls do not share it.</li>
 *   <li><b>One outcome per item.</b> {@code report.outcomes().get(i).index() == i}; a task is never
 *       lost or reported twice, and {@link ScanReport#stats()} equals what the outcomes add up
 *       to.</li>
 *   <li><b>Classification, by type only.</b> A task that returns a value is a
 *       {@link ScanOutcome.Success}. A task that throws a
 *       {@link io.vscanpoc.core.error.VscanException} fails with its {@code category()} and
 *       {@code httpStatus()}; any other {@link Exception}, a {@code null} result, and
 *       {@link InterruptedException} thrown without the scanner having interrupted the task are
 *       {@link ErrorCategory#INTERNAL}. An {@link Error} is INTERNAL too (the scan goes on:
 *       {@link AssertionError}, {@link StackOverflowError} and linkage errors are bugs of one task),
 *       <em>except</em> a {@link VirtualMachineError} other than {@code StackOverflowError} (for
 *       example {@link OutOfMemoryError}): it stops the scan, the other tasks are interrupted, and
 *       once every thread has ended {@code scan} rethrows it instead of returning a report, because a
 *       JVM in that state cannot be trusted to build one.</li>
 *   <li><b>Interruption decides first.</b> If the scanner interrupts a task (timeout, deadline,
 *       fail-fast, caller interrupt) before the task has ended, the outcome is that of the
 *       interruption, whatever the task then returns or throws; if the task ended first, it keeps
 *       its own outcome.</li>
 *   <li><b>Per-task timeout.</b> A task running longer than {@link #taskTimeout()} is interrupted
 *       and fails with {@link ErrorCategory#TIMEOUT}, message {@code "task timeout of ... passed"};
 *       the others go on.</li>
 *   <li><b>Overall deadline.</b> When {@link #deadline()} passes, no further task is started,
 *       running ones are interrupted, and every unfinished item fails with TIMEOUT, message
 *       {@code "overall deadline of ... passed ..."}; the report says
 *       {@link StopReason#DEADLINE}.</li>
 *   <li><b>Fail fast.</b> Under {@link FailurePolicy#failFastOn}, the first task failure in a chosen
 *       category stops the scan the same way; unfinished items are {@link ErrorCategory#CANCELLED}
 *       and the report says {@link StopReason#FAIL_FAST}.</li>
 *   <li><b>Caller interrupt: returns, does not throw.</b> If the calling thread is interrupted
 *       during {@code scan} (or on entry), no further task is started, running tasks are
 *       interrupted, every unfinished item is CANCELLED, and {@code scan} returns the partial report
 *       with {@link StopReason#INTERRUPTED} as soon as the interrupted tasks have ended, with the
 *       calling thread's interrupt flag set again. A task that honours interruption ends at once,
 *       so this takes well under a second.</li>
 *   <li>A never-started item has {@link ScanOutcome.Failure#started()} false and a zero
 *       duration.</li>
 *   <li><b>Threads</b> are named by {@link Builder#threadName}, by default {@code "scan-" + item}
 *       (for example {@code scan-ms-python.python}), with control characters replaced and the
 *       length capped, so a thread dump shows what each thread is working on.</li>
 * </ul>
 *
 * <h2>Obligations of the caller</h2>
 * <ul>
 *   <li>The task obeys {@link ScanTask}: thread-safe, never returns {@code null}, and responds to
 *       interruption promptly. Cancellation, timeouts and the deadline work only through
 *       interruption; a task that ignores it delays {@code scan} until it ends on its own.</li>
 *   <li>The listener obeys {@link ScanListener}: thread-safe, quick, non-blocking. {@code started}
 *       and {@code finished} of items that ran are called on the item's worker thread, while it
 *       holds its permit; {@code finished} always runs with the interrupt flag clear, while
 *       {@code started} can be interrupted by a cancellation arriving meanwhile. {@code finished}
 *       of items that were never forked is called on the calling thread just before {@code scan}
 *       returns. A listener that
 *       throws is logged (System.Logger {@code io.vscanpoc.core.scanner.ParallelScanner}) and
 *       ignored.</li>
 *   <li>After {@code scan} returns, check {@link ScanReport#stop()}: a report that is not
 *       {@link StopReason#COMPLETED} is partial. When it is {@link StopReason#INTERRUPTED} the
 *       calling thread is still interrupted, and should wind down rather than block again.</li>
 *   <li>{@code scan} blocks the calling thread for the whole scan; don't call it while holding a
 *       lock the tasks need.</li>
 * </ul>
 *
 * @param <I> the item type
 * @param <R> the result type
 */
public final class ParallelScanner<I, R> {

    /** The longest timeout or deadline accepted. */
    public static final Duration MAX_DURATION = Duration.ofDays(365L * 100);

    private final int maxConcurrency;
    private final Duration taskTimeout;
    private final Duration deadline;
    private final FailurePolicy failurePolicy;
    private final ScanListener<? super I, ? super R> listener;
    private final Function<? super I, String> threadName;

    private ParallelScanner(Builder<I, R> builder) {
        this.maxConcurrency = builder.maxConcurrency;
        this.taskTimeout = builder.taskTimeout;
        this.deadline = builder.deadline;
        this.failurePolicy = builder.failurePolicy;
        this.listener = builder.listener;
        this.threadName = builder.threadName;
    }

    /** A builder; {@link Builder#maxConcurrency} must be set, everything else is optional. */
    public static <I, R> Builder<I, R> builder() {
        return new Builder<>();
    }

    /**
     * Runs {@code task} once per item and returns when every task has ended; see the class
     * documentation for the guarantees and the caller's obligations.
     *
     * @param items the inputs; copied on entry, so later changes to the list do not matter; no
     *     element may be null
     * @param task the work for one item
     * @return one outcome per item, in input order, with wall time, stats and why the scan ended
     * @throws NullPointerException if {@code items}, an element of it, or {@code task} is null
     * @throws VirtualMachineError a fatal error thrown by a task (not StackOverflowError), after
     *     every task has ended
     */
    public ScanReport<I, R> scan(List<? extends I> items, ScanTask<? super I, ? extends R> task) {
        Objects.requireNonNull(task, "task");
        List<? extends I> copy = List.copyOf(items);
        return new ScanScope<I, R>(
                        copy,
                        task,
                        maxConcurrency,
                        taskTimeout,
                        deadline,
                        failurePolicy,
                        narrow(listener),
                        threadName)
                .run();
    }

    /** The most tasks one {@code scan} call runs at once. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** How long one task may run, if limited. */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeout);
    }

    /** How long a whole {@code scan} call may run, if limited. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** What a task failure does to the scan. */
    public FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    // A listener of supertypes accepts every outcome of I and R: outcomes are read-only values, so
    // treating ScanOutcome<I, R> as ScanOutcome<? super I, ? super R> cannot corrupt anything.
    @SuppressWarnings("unchecked")
    private static <I, R> ScanListener<I, R> narrow(ScanListener<? super I, ? super R> listener) {
        return (ScanListener<I, R>) listener;
    }

    /**
     * Builds a {@link ParallelScanner}. Not thread-safe; each setter validates its argument at once
     * and throws {@link IllegalArgumentException} (or {@link NullPointerException}) for a bad one.
     */
    public static final class Builder<I, R> {

        private int maxConcurrency;
        private Duration taskTimeout;
        private Duration deadline;
        private FailurePolicy failurePolicy = FailurePolicy.collectAll();
        private ScanListener<? super I, ? super R> listener = ScanListener.none();
        private Function<? super I, String> threadName = item -> "scan-" + item;

        private Builder() {}

        /** The most tasks running at once, at least 1. Required. */
        public Builder<I, R> maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Interrupts and fails with TIMEOUT a task running longer than this; positive. */
        public Builder<I, R> taskTimeout(Duration taskTimeout) {
            this.taskTimeout = checked("taskTimeout", taskTimeout);
            return this;
        }

        /** Stops the whole scan this long after {@code scan} was called; positive. */
        public Builder<I, R> deadline(Duration deadline) {
            this.deadline = checked("deadline", deadline);
            return this;
        }

        /** {@link FailurePolicy#collectAll()} by default. */
        public Builder<I, R> failurePolicy(FailurePolicy failurePolicy) {
            this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
            return this;
        }

        /** Progress callbacks; {@link ScanListener#none()} by default. */
        public Builder<I, R> listener(ScanListener<? super I, ? super R> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Names each worker thread after its item; {@code "scan-" + item} by default. Called on the
         * thread that calls {@code scan}, once per forked item. The name is sanitized; a function
         * that throws or returns null or an empty string gets {@code "scan-" + index} instead.
         */
        public Builder<I, R> threadName(Function<? super I, String> threadName) {
            this.threadName = Objects.requireNonNull(threadName, "threadName");
            return this;
        }

        /**
         * The scanner.
         *
         * @throws IllegalStateException if {@link #maxConcurrency} was not set
         */
        public ParallelScanner<I, R> build() {
            if (maxConcurrency < 1) {
                throw new IllegalStateException("maxConcurrency must be set");
            }
            return new ParallelScanner<>(this);
        }

        private static Duration checked(String what, Duration duration) {
            Objects.requireNonNull(duration, what);
            if (!duration.isPositive() || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(
                        what + " must be positive and at most " + MAX_DURATION.toDays() + " days, got " + duration);
            }
            return duration;
        }
    }
}
