package io.vscanpoc.core.scanner;

import static io.vscanpoc.core.scanner.Tasks.blockUntilInterrupted;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanOutcome.Failure;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanReport.StopReason;
import io.vscanpoc.core.error.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelScannerCancellationTest {

    private static List<Integer> items(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static Failure<Integer, Integer> failure(ScanReport<Integer, Integer> report, int index) {
        var outcome = report.outcomes().get(index);
        assertInstanceOf(Failure.class, outcome, "outcome " + index);
        return (Failure<Integer, Integer>) outcome;
    }

    private static ParallelScanner<Integer, Integer> scannerReportingTo(
            Tasks.RecordingListener<Integer, Integer> listener, int cap) {
        return ParallelScanner.<Integer, Integer>builder().maxConcurrency(cap).listener(listener).build();
    }

    /** A task body that counts its starts and ends and remembers its thread, then blocks. */
    private static final class BlockingTasks {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();
        final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Integer> ran = new ConcurrentLinkedQueue<>();

        Integer run(Integer item) throws InterruptedException {
            started.incrementAndGet();
            ran.add(item);
            threads.add(Thread.currentThread());
            try {
                blockUntilInterrupted();
                return item;
            } finally {
                ended.incrementAndGet();
            }
        }

        Set<Integer> ranItems() {
            return Set.copyOf(ran);
        }

        boolean allThreadsEnded() {
            return threads.stream().noneMatch(Thread::isAlive);
        }
    }

    @Test
    void aCallerInterruptReturnsThePartialReportAndKeepsTheFlag() throws Exception {
        var tasks = new BlockingTasks();
        var listener = new Tasks.RecordingListener<Integer, Integer>(100);
        ParallelScanner<Integer, Integer> scanner = scannerReportingTo(listener, 4);
        var report = new AtomicReference<ScanReport<Integer, Integer>>();
        var flagOnReturn = new AtomicBoolean();
        var endedOnReturn = new AtomicInteger(-1);
        var threadsEndedOnReturn = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            report.set(scanner.scan(items(100), tasks::run));
            flagOnReturn.set(Thread.currentThread().isInterrupted());
            endedOnReturn.set(tasks.ended.get());
            threadsEndedOnReturn.set(tasks.allThreadsEnded());
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.started.get() == 4);

        caller.interrupt();
        // The tasks honour interruption at once, so "1 s plus one task latency" is 1 s here.
        await().atMost(Duration.ofSeconds(1)).until(() -> !caller.isAlive());

        var scan = report.get();
        assertEquals(StopReason.INTERRUPTED, scan.stop());
        assertTrue(flagOnReturn.get(), "the caller's interrupt flag is set again");
        assertEquals(4, endedOnReturn.get(), "every started task ended before scan returned");
        assertTrue(threadsEndedOnReturn.get(), "no task thread outlived scan");
        assertEquals(4, tasks.started.get(), "no task started after the interrupt");
        assertEquals(100, scan.outcomes().size());
        for (int i = 0; i < 100; i++) {
            var failure = failure(scan, i);
            assertEquals(ErrorCategory.CANCELLED, failure.category());
            assertEquals(i < 4, failure.started(), "started flag of " + i);
            assertTrue(failure.message().contains("interrupted"), failure.message());
            if (i >= 4) {
                assertEquals(Duration.ZERO, failure.duration());
                assertNull(failure.cause());
            } else {
                assertInstanceOf(InterruptedException.class, failure.cause());
            }
        }
        assertEquals(100, scan.stats().failures(ErrorCategory.CANCELLED));
        assertEquals(4, scan.stats().latency().count());
        assertTrue(listener.eachFinishedExactlyOnce());
        assertEquals(4, listener.startedCount());
        assertFalse(listener.interruptedInFinished.contains(true), "listener runs with the flag clear");
    }

    @Test
    void aCallerAlreadyInterruptedStartsNothing() {
        var tasks = new BlockingTasks();
        var listener = new Tasks.RecordingListener<Integer, Integer>(10);
        ParallelScanner<Integer, Integer> scanner = scannerReportingTo(listener, 4);
        Thread.currentThread().interrupt();
        ScanReport<Integer, Integer> report;
        try {
            report = scanner.scan(items(10), tasks::run);
        } finally {
            assertTrue(Thread.interrupted(), "flag still set (and cleared here)");
        }
        assertEquals(StopReason.INTERRUPTED, report.stop());
        assertEquals(0, tasks.started.get());
        assertTrue(report.outcomes().stream().allMatch(o -> o instanceof Failure<Integer, Integer> f
                && f.category() == ErrorCategory.CANCELLED && !f.started()));
        assertTrue(listener.eachFinishedExactlyOnce());
        assertTrue(listener.finishedThreads.stream().allMatch(t -> t == Thread.currentThread()),
                "never-forked items are reported on the calling thread");
    }

    @Test
    void theOverallDeadlineStopsTheScanWithTimeouts() {
        var tasks = new BlockingTasks();
        var listener = new Tasks.RecordingListener<Integer, Integer>(10);
        Duration deadline = Duration.ofMillis(300);
        ParallelScanner<Integer, Integer> scanner = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(2)
                .deadline(deadline)
                .listener(listener)
                .build();
        var report = scanner.scan(items(10), item -> item < 2 ? item : tasks.run(item));

        assertEquals(StopReason.DEADLINE, report.stop());
        assertFalse(Thread.currentThread().isInterrupted(), "a deadline does not interrupt the caller");
        assertTrue(report.wallTime().compareTo(deadline) >= 0);
        assertTrue(report.outcomes().get(0).succeeded() && report.outcomes().get(1).succeeded());
        // On a loaded machine a forked task may not have reached its first line before the deadline,
        // so "started" is checked against what actually ran rather than assumed.
        var ran = tasks.ranItems();
        for (int i = 2; i < 10; i++) {
            var failure = failure(report, i);
            assertEquals(ErrorCategory.TIMEOUT, failure.category());
            assertTrue(failure.message().startsWith("overall deadline of 0.3s passed"), failure.message());
            assertEquals(ran.contains(i), failure.started(), "started flag of " + i);
            assertTrue(i < 4 || !ran.contains(i), "item " + i + " could only start after the deadline");
        }
        assertEquals(tasks.started.get(), tasks.ended.get());
        assertTrue(tasks.allThreadsEnded());
        assertEquals(8, report.stats().failures(ErrorCategory.TIMEOUT));
        assertTrue(listener.eachFinishedExactlyOnce());
    }

    @Test
    void theDeadlineAlsoStopsTasksWhenEverythingIsAlreadyForked() {
        var tasks = new BlockingTasks();
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(10)
                .deadline(Duration.ofMillis(300))
                .build()
                .scan(items(3), tasks::run);
        assertEquals(StopReason.DEADLINE, report.stop());
        var ran = tasks.ranItems();
        for (int i = 0; i < 3; i++) {
            assertEquals(ErrorCategory.TIMEOUT, failure(report, i).category());
            assertEquals(ran.contains(i), failure(report, i).started());
        }
        assertTrue(tasks.allThreadsEnded());
    }

    @Test
    void aPerTaskTimeoutFailsThatTaskAndTheOthersGoOn() {
        var tasks = new BlockingTasks();
        Duration timeout = Duration.ofMillis(100);
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(3)
                .taskTimeout(timeout)
                .build()
                .scan(items(20), item -> item == 5 ? tasks.run(item) : item);
        assertEquals(StopReason.COMPLETED, report.stop());
        var slow = failure(report, 5);
        assertEquals(ErrorCategory.TIMEOUT, slow.category());
        assertEquals("task timeout of 0.1s passed", slow.message());
        assertTrue(slow.started());
        assertTrue(slow.duration().compareTo(timeout) >= 0);
        assertEquals(19, report.successes());
        assertEquals(1, report.stats().failures(ErrorCategory.TIMEOUT));
        assertTrue(tasks.allThreadsEnded());
    }

    @Test
    void theInterruptionDecidesWhenItComesBeforeTheTaskEnds() {
        // The task swallows the interrupt and returns a value anyway: still a timeout.
        var report = ParallelScanner.<Integer, String>builder()
                .maxConcurrency(1)
                .taskTimeout(Duration.ofMillis(50))
                .build()
                .scan(List.of(1), item -> {
                    try {
                        blockUntilInterrupted();
                    } catch (InterruptedException e) {
                        return "late";
                    }
                    return "never";
                });
        var outcome = report.outcomes().getFirst();
        assertInstanceOf(Failure.class, outcome);
        assertEquals(ErrorCategory.TIMEOUT, ((Failure<Integer, String>) outcome).category());
    }

    @Test
    void failFastCancelsTheRestOnAChosenCategory() {
        var tasks = new BlockingTasks();
        var listener = new Tasks.RecordingListener<Integer, Integer>(20);
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(2)
                .failurePolicy(FailurePolicy.failFastOn(ErrorCategory.RATE_LIMITED))
                .listener(listener)
                .build()
                .scan(items(20), item -> switch (item) {
                    case 0 -> tasks.run(item);
                    case 3 -> throw new RateLimitedException("429 from the API", Duration.ofSeconds(2));
                    default -> item < 3 ? item : tasks.run(item);
                });
        assertEquals(StopReason.FAIL_FAST, report.stop());
        assertTrue(report.outcomes().get(1).succeeded() && report.outcomes().get(2).succeeded());
        var trigger = failure(report, 3);
        assertEquals(ErrorCategory.RATE_LIMITED, trigger.category());
        assertEquals(429, trigger.httpStatus());
        var inFlight = failure(report, 0);
        assertEquals(ErrorCategory.CANCELLED, inFlight.category());
        assertTrue(inFlight.started());
        assertTrue(inFlight.message().contains("item 3 (3) failed with RATE_LIMITED"), inFlight.message());
        for (int i = 4; i < 20; i++) {
            assertEquals(ErrorCategory.CANCELLED, failure(report, i).category());
            assertFalse(failure(report, i).started(), "item " + i + " never started");
        }
        assertEquals(1, tasks.started.get(), "only item 0 ever blocked");
        assertTrue(tasks.allThreadsEnded());
        assertTrue(listener.eachFinishedExactlyOnce());
        assertEquals(17, report.stats().failures(ErrorCategory.CANCELLED));
    }

    @Test
    void failFastIgnoresOtherCategoriesAndCollectAllIgnoresEverything() {
        ScanTaskThatFails task = item -> {
            if (item % 5 == 0) {
                throw new RateLimitedException("429", null);
            }
            return item;
        };
        for (var policy : List.of(FailurePolicy.collectAll(), FailurePolicy.failFastOn(ErrorCategory.NOT_FOUND))) {
            var report = ParallelScanner.<Integer, Integer>builder()
                    .maxConcurrency(4)
                    .failurePolicy(policy)
                    .build()
                    .scan(items(50), task::run);
            assertEquals(StopReason.COMPLETED, report.stop());
            assertEquals(10, report.stats().failures(ErrorCategory.RATE_LIMITED));
            assertEquals(40, report.successes());
        }
    }

    @Test
    void aPerTaskTimeoutCanTriggerFailFast() {
        var tasks = new BlockingTasks();
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(1)
                .taskTimeout(Duration.ofMillis(50))
                .failurePolicy(FailurePolicy.failFastOn(ErrorCategory.TIMEOUT))
                .build()
                .scan(items(5), item -> item == 1 ? tasks.run(item) : item);
        assertEquals(StopReason.FAIL_FAST, report.stop());
        assertEquals(ErrorCategory.TIMEOUT, failure(report, 1).category());
        assertEquals(3, report.stats().failures(ErrorCategory.CANCELLED));
    }

    @Test
    void aFatalErrorStopsTheScanAndIsRethrownAfterEveryTaskEnded() {
        var tasks = new BlockingTasks();
        var othersBlocked = new CountDownLatch(2);
        var oom = new OutOfMemoryError("simulated");
        ParallelScanner<Integer, Integer> scanner =
                ParallelScanner.<Integer, Integer>builder().maxConcurrency(3).build();
        var thrown = assertThrows(OutOfMemoryError.class, () -> scanner.scan(items(30), item -> {
            if (item == 0) {
                othersBlocked.await();
                throw oom;
            }
            othersBlocked.countDown();
            return tasks.run(item);
        }));
        assertSame(oom, thrown);
        assertEquals(2, tasks.started.get(), "nothing started after the fatal error");
        assertEquals(2, tasks.ended.get());
        assertTrue(tasks.allThreadsEnded());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @FunctionalInterface
    private interface ScanTaskThatFails {
        Integer run(Integer item) throws Exception;
    }

    @Test
    void aSubtaskThatSeesTheStopBeforeRunningIsReportedAsNeverStarted() {
        // Once the first item fails fast, the main loop forks nothing more, so every later item
        // either never forked or saw the stop before its task ran: started is false for all.
        var ran = new ConcurrentLinkedQueue<Integer>();
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(8)
                .failurePolicy(FailurePolicy.failFastOn(ErrorCategory.INTERNAL))
                .build()
                .scan(items(1000), item -> {
                    ran.add(item);
                    if (item == 0) {
                        throw new IllegalStateException("bug");
                    }
                    blockUntilInterrupted();
                    return item;
                });
        assertEquals(StopReason.FAIL_FAST, report.stop());
        for (var outcome : report.outcomes()) {
            var failure = (Failure<Integer, Integer>) outcome;
            assertEquals(ran.contains(outcome.index()), failure.started(), "item " + outcome.index());
        }
        assertEquals(ran.size(), report.stats().latency().count());
        assertTrue(report.outcomes().stream().map(ScanOutcome::index).toList()
                .equals(IntStream.range(0, 1000).boxed().toList()));
    }
}
