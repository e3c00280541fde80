package io.vscanpoc.core.scanner.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanReport.StopReason;
import io.vscanpoc.core.ScanTask;
import io.vscanpoc.core.scanner.FailurePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * One {@code scan} call: forks one virtual thread per item under a semaphore, cancels explicitly,
 * and joins every thread before it returns. Not API; the guarantees are stated on
 * {@link io.vscanpoc.core.scanner.ParallelScanner}, the reasons in
 * docs/adr/0001-structured-concurrency-without-preview.md.
 *
 * <h2>How an outcome is decided exactly once</h2>
 * Each {@link Subtask} has a state that only moves forward: NEW, RUNNING, then DONE (the task ended
 * on its own) or TIMING_OUT / CANCELLING (the scanner interrupted it). The worker's move to DONE and
 * a canceller's move to TIMING_OUT or CANCELLING both happen under the subtask's monitor, and the
 * canceller interrupts the thread while holding it, so whichever comes first decides the outcome,
 * and a worker that lost the race knows the interrupt has already landed and can clear it before
 * calling the listener. A worker reads the stop flag after entering RUNNING and a canceller sets
 * the flag before it walks the running subtasks; both are volatile, so a starting subtask either
 * sees the stop or is seen, and none is missed.
 *
 * <h2>Happens-before</h2>
 * Every worker writes its outcome before releasing its permit; the scope returns only after it has
 * taken all permits back and joined the executor, so it reads every outcome and counter complete.
 */
public final class ScanScope<I, R> {

    private static final String LOGGER = "io.vscanpoc.core.scanner.ParallelScanner";

    /** Why the scope is stopping; {@link #FATAL} never reaches a report, the error is rethrown. */
    private enum Stop {
        INTERRUPTED,
        DEADLINE,
        FAIL_FAST,
        FATAL
    }

    /** The first stop, with what caused it for the cancelled outcomes' messages. */
    private record StopCause(Stop reason, String detail) {}

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int TIMING_OUT = 3;
    private static final int CANCELLING = 4;

    private final List<? extends I> items;
    private final ScanTask<? super I, ? extends R> task;
    private final int maxConcurrency;
    private final Duration taskTimeout;
    private final Duration deadline;
    private final FailurePolicy policy;
    private final ScanListener<I, R> listener;
    private final Function<? super I, String> threadName;

    private final Semaphore permits;
    private final AtomicReferenceArray<ScanOutcome<I, R>> outcomes;
    /** The subtasks forked and not yet ended, by index; what a stop interrupts. */
    private final AtomicReferenceArray<Subtask> running;
    private volatile int forked;
    private final AtomicReference<StopCause> stop = new AtomicReference<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final ScanStats stats = new ScanStats();
    private final CallbackGuard listenerFailures = new CallbackGuard(LOGGER, "scan listener");
    private final CallbackGuard nameFailures = new CallbackGuard(LOGGER, "thread-name function");
    /**
     * Threads whose subtask has released its permit, in release order. The scope joins one of them
     * before each fork beyond the cap, and all of them before it returns: a thread that has
     * released its permit may still be in its last frames, and a permit must not admit a new thread
     * until its previous holder is gone, or more than the cap would exist.
     */
    private final ConcurrentLinkedQueue<Thread> exited = new ConcurrentLinkedQueue<>();
    /** Threads forked and not yet joined; touched by the calling thread only. */
    private int unjoined;
    private ScheduledThreadPoolExecutor timer;
    private volatile Thread timerThread;

    /**
     * @param items the inputs, already copied and null-free
     * @param taskTimeout null for none
     * @param deadline null for none
     */
    public ScanScope(
            List<? extends I> items,
            ScanTask<? super I, ? extends R> task,
            int maxConcurrency,
            Duration taskTimeout,
            Duration deadline,
            FailurePolicy policy,
            ScanListener<I, R> listener,
            Function<? super I, String> threadName) {
        this.items = items;
        this.task = task;
        this.maxConcurrency = maxConcurrency;
        this.taskTimeout = taskTimeout;
        this.deadline = deadline;
        this.policy = policy;
        this.listener = listener;
        this.threadName = threadName;
        this.permits = new Semaphore(maxConcurrency);
        this.outcomes = new AtomicReferenceArray<>(items.size());
        this.running = new AtomicReferenceArray<>(items.size());
    }

    /**
     * Runs the scan on the calling thread and returns once every subtask has ended.
     *
     * @throws Error a fatal error a task threw (see {@link FailureClassifier#isFatal}), after every
     *     subtask has ended
     */
    public ScanReport<I, R> run() {
        long startNanos = System.nanoTime();
        long deadlineAt = deadline == null ? Long.MAX_VALUE : saturatedAdd(startNanos, deadline);
        boolean callerInterrupted = false;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            timer = taskTimeout == null ? null : newTimer();
            try {
                callerInterrupted = forkAll(executor, deadlineAt);
                callerInterrupted |= awaitAll(deadlineAt);
                callerInterrupted |= joinExited();
            } finally {
                callerInterrupted |= stopTimer();
                // close() would interrupt every thread it still tracks if the flag were set. Every
                // thread has been joined by now, so it has nothing left to wait for.
                callerInterrupted |= Thread.interrupted();
            }
        }
        callerInterrupted |= Thread.interrupted();
        try {
            Throwable error = fatal.get();
            if (error instanceof Error e) {
                throw e;
            } else if (error != null) {
                throw new IllegalStateException("scanner failure", error);
            }
            finishNeverStarted();
            listenerFailures.summarize();
            nameFailures.summarize();
            List<ScanOutcome<I, R>> ordered = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                ordered.add(outcomes.get(i));
            }
            StopCause stopped = stop.get();
            return new ScanReport<>(
                    ordered,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    stats.snapshot(),
                    stopped == null ? StopReason.COMPLETED : reportReason(stopped.reason()));
        } finally {
            if (callerInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Forks one subtask per item, each after taking a permit; returns true if interrupted. */
    private boolean forkAll(ExecutorService executor, long deadlineAt) {
        for (int i = 0; i < items.size(); i++) {
            if (stop.get() != null) {
                return false;
            }
            try {
                if (!acquirePermit(deadlineAt)) {
                    stop(Stop.DEADLINE, "");
                    return false;
                }
            } catch (InterruptedException e) {
                stop(Stop.INTERRUPTED, "");
                return true;
            }
            if (stop.get() != null) {
                permits.release();
                return false;
            }
            try {
                while (unjoined >= maxConcurrency) {
                    joinOneExited();
                }
            } catch (InterruptedException e) {
                permits.release();
                stop(Stop.INTERRUPTED, "");
                return true;
            }
            I item = items.get(i);
            var subtask = new Subtask(i, item, nameOf(i, item));
            running.set(i, subtask);
            forked = i + 1;
            try {
                executor.execute(subtask);
                unjoined++;
            } catch (Throwable t) {
                // Only an error (out of memory) can refuse a virtual thread here.
                running.set(i, null);
                permits.release();
                fatal(t);
                return false;
            }
        }
        return false;
    }

    /**
     * Joins the longest-exited thread. We hold a permit and {@code unjoined} threads hold or held
     * the rest, so when {@code unjoined} reaches the cap at least one of them has released its
     * permit, and it queued itself before releasing: the queue is not empty. Such a thread has
     * finished its work, so the join waits for its last frames at most.
     */
    private void joinOneExited() throws InterruptedException {
        Thread thread = exited.peek();
        long giveUpAt = 0;
        while (thread == null) {
            // Unreachable unless a worker failed to queue itself (out of memory in its finally
            // block); rather than hang, give up strictness after a second.
            if (giveUpAt == 0) {
                giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            } else if (System.nanoTime() - giveUpAt > 0) {
                unjoined--;
                return;
            }
            Thread.yield();
            thread = exited.peek();
        }
        thread.join();
        exited.poll();
        unjoined--;
    }

    /** Joins every remaining thread, ignoring interrupts; returns true if interrupted meanwhile. */
    private boolean joinExited() {
        boolean interrupted = false;
        for (Thread thread = exited.peek(); thread != null; thread = exited.peek()) {
            try {
                thread.join();
                exited.poll();
                unjoined--;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Takes one permit; false when the deadline passed first. */
    private boolean acquirePermit(long deadlineAt) throws InterruptedException {
        if (deadlineAt == Long.MAX_VALUE) {
            permits.acquire();
            return true;
        }
        long remaining = deadlineAt - System.nanoTime();
        return remaining > 0 && permits.tryAcquire(remaining, TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until every subtask has released its permit, stopping the scan on interrupt or
     * deadline; once stopped it waits on without interruption, as the structure demands. Returns
     * true if the caller was interrupted.
     */
    private boolean awaitAll(long deadlineAt) {
        boolean interrupted = false;
        while (stop.get() == null) {
            try {
                if (deadlineAt == Long.MAX_VALUE) {
                    permits.acquire(maxConcurrency);
                    return false;
                }
                long remaining = deadlineAt - System.nanoTime();
                if (remaining > 0 && permits.tryAcquire(maxConcurrency, remaining, TimeUnit.NANOSECONDS)) {
                    return false;
                }
                stop(Stop.DEADLINE, "");
            } catch (InterruptedException e) {
                interrupted = true;
                stop(Stop.INTERRUPTED, "");
            }
        }
        permits.acquireUninterruptibly(maxConcurrency);
        return interrupted | Thread.interrupted();
    }

    /** Stops the scan for {@code why}, unless it is already stopping; interrupts running subtasks. */
    private void stop(Stop why, String detail) {
        if (!stop.compareAndSet(null, new StopCause(why, detail))) {
            return;
        }
        int count = forked;
        for (int i = 0; i < count; i++) {
            Subtask subtask = running.get(i);
            if (subtask != null) {
                subtask.interrupt(CANCELLING);
            }
        }
    }

    private void fatal(Throwable error) {
        if (!fatal.compareAndSet(null, error) && fatal.get() != error) {
            fatal.get().addSuppressed(error);
        }
        stop(Stop.FATAL, error.getClass().getName());
    }

    /** Items no worker took: never forked because the scan stopped first. */
    private void finishNeverStarted() {
        StopCause stopped = stop.get();
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.get(i) == null) {
                ScanOutcome<I, R> outcome = stopped == null
                        ? new ScanOutcome.Failure<>(i, items.get(i), ErrorCategory.INTERNAL,
                                "no outcome was recorded (a scanner bug)", 0, Duration.ZERO, false, null)
                        : stopFailure(stopped, i, items.get(i), Duration.ZERO, false, null);
                outcomes.set(i, outcome);
                stats.record(outcome);
                notifyFinished(outcome);
            }
        }
    }

    private ScanOutcome.Failure<I, R> stopFailure(
            StopCause why, int index, I item, Duration duration, boolean started, Throwable cause) {
        String when = started ? " while the task ran" : " before the task started";
        return switch (why.reason()) {
            case DEADLINE -> new ScanOutcome.Failure<>(index, item, ErrorCategory.TIMEOUT,
                    "overall deadline of " + describe(deadline) + " passed" + when,
                    0, duration, started, cause);
            case INTERRUPTED -> new ScanOutcome.Failure<>(index, item, ErrorCategory.CANCELLED,
                    "cancelled: the scan was interrupted" + when, 0, duration, started, cause);
            case FAIL_FAST -> new ScanOutcome.Failure<>(index, item, ErrorCategory.CANCELLED,
                    "cancelled by fail-fast: " + why.detail() + when, 0, duration, started, cause);
            case FATAL -> new ScanOutcome.Failure<>(index, item, ErrorCategory.CANCELLED,
                    "cancelled: a task hit a fatal " + why.detail() + when, 0, duration, started, cause);
        };
    }

    private static StopReason reportReason(Stop stop) {
        return switch (stop) {
            case INTERRUPTED -> StopReason.INTERRUPTED;
            case DEADLINE -> StopReason.DEADLINE;
            case FAIL_FAST -> StopReason.FAIL_FAST;
            case FATAL -> throw new IllegalStateException("a fatal stop is rethrown, never reported");
        };
    }

    private String nameOf(int index, I item) {
        String fallback = "scan-" + index;
        try {
            return ThreadNames.sanitize(threadName.apply(item), fallback);
        } catch (RuntimeException e) {
            nameFailures.failed("item " + index, e);
            return fallback;
        }
    }

    private void notifyStarted(int index, I item) {
        try {
            listener.started(index, item);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            listenerFailures.failed("item " + index, t);
        }
    }

    private void notifyFinished(ScanOutcome<I, R> outcome) {
        try {
            listener.finished(outcome);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            listenerFailures.failed("item " + outcome.index(), t);
        }
    }

    private static void rethrowIfFatal(Throwable t) {
        if (FailureClassifier.isFatal(t)) {
            throw (Error) t;
        }
    }

    private ScheduledThreadPoolExecutor newTimer() {
        var factory = Thread.ofVirtual().name("scan-task-timeouts").factory();
        var executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = factory.newThread(runnable);
            timerThread = thread;
            return thread;
        });
        // Cancelled timeouts leave the queue at once, so it holds at most one entry per permit.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Ends the timeout thread and waits for it; returns true if interrupted meanwhile. */
    private boolean stopTimer() {
        if (timer == null) {
            return false;
        }
        timer.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (timer.awaitTermination(1, TimeUnit.DAYS)) {
                    Thread thread = timerThread;
                    if (thread != null) {
                        thread.join();
                    }
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** {@code nanos + duration}, kept below the "no deadline" value when it would overflow. */
    private static long saturatedAdd(long nanos, Duration duration) {
        try {
            return Math.min(Math.addExact(nanos, duration.toNanos()), Long.MAX_VALUE - 1);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE - 1;
        }
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The work for one item, run on its own virtual thread. */
    private final class Subtask implements Runnable {

        private final int index;
        private final I item;
        private final String name;
        private volatile Thread thread;
        private volatile int state = NEW;

        Subtask(int index, I item, String name) {
            this.index = index;
            this.item = item;
            this.name = name;
        }

        @Override
        public void run() {
            Thread current = Thread.currentThread();
            current.setName(name);
            thread = current;
            try {
                ScanOutcome<I, R> outcome = execute();
                outcomes.set(index, outcome);
                stats.record(outcome);
                notifyFinished(outcome);
            } catch (Throwable t) {
                // Only a fatal error reaches here; everything else became an outcome.
                fatal(t);
            } finally {
                running.set(index, null);
                try {
                    exited.add(current);
                } finally {
                    permits.release();
                }
            }
        }

        private ScanOutcome<I, R> execute() {
            state = RUNNING;
            StopCause stopped = stop.get();
            if (stopped != null) {
                finish();
                return stopFailure(stopped, index, item, Duration.ZERO, false, null);
            }
            notifyStarted(index, item);
            R value = null;
            Throwable thrown = null;
            stats.taskStarted();
            // Started before the timer, so a timed-out task's duration is never under the timeout.
            long start = System.nanoTime();
            Future<?> timeout = timer == null
                    ? null
                    : timer.schedule(() -> interrupt(TIMING_OUT), taskTimeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                value = task.run(item);
            } catch (Throwable t) {
                thrown = t;
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            stats.taskEnded();
            if (timeout != null) {
                timeout.cancel(false);
            }
            int endedBy = finish();
            if (thrown != null && FailureClassifier.isFatal(thrown)) {
                fatal(thrown);
            }
            if (endedBy == CANCELLING) {
                return stopFailure(stop.get(), index, item, duration, true, thrown);
            }
            FailureClassifier.Classification failure;
            if (endedBy == TIMING_OUT) {
                failure = new FailureClassifier.Classification(
                        ErrorCategory.TIMEOUT, "task timeout of " + describe(taskTimeout) + " passed", 0);
            } else if (thrown != null) {
                failure = FailureClassifier.classify(thrown);
            } else if (value == null) {
                failure = new FailureClassifier.Classification(ErrorCategory.INTERNAL, "task returned null", 0);
            } else {
                return new ScanOutcome.Success<>(index, item, value, duration);
            }
            if (policy.stopsOn(failure.category())) {
                stop(Stop.FAIL_FAST, "item " + index + " ("
                        + ThreadNames.sanitize(String.valueOf(item), "?") + ") failed with " + failure.category());
            }
            return new ScanOutcome.Failure<>(index, item, failure.category(), failure.message(),
                    failure.httpStatus(), duration, true, thrown);
        }

        /**
         * Ends the RUNNING state. Returns DONE when the task ended first; otherwise the state the
         * canceller set, after clearing the interrupt it delivered (it did so under this monitor).
         */
        private int finish() {
            int endedBy;
            synchronized (this) {
                if (state == RUNNING) {
                    state = DONE;
                    return DONE;
                }
                endedBy = state;
            }
            Thread.interrupted();
            return endedBy;
        }

        /** Interrupts the task if it is still running; {@code why} is TIMING_OUT or CANCELLING. */
        void interrupt(int why) {
            synchronized (this) {
                if (state != RUNNING) {
                    return;
                }
                state = why;
                thread.interrupt();
            }
        }
    }
}
