package io.vscanpoc.core.scanner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelScannerConcurrencyTest {

    private static List<Integer> items(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    /** Tasks that count themselves in and out of a gauge and hold until the gate opens. */
    private static final class GatedTasks {
        final AtomicInteger gauge = new AtomicInteger();
        final LongAccumulator peak = new LongAccumulator(Math::max, 0);
        final CountDownLatch gate = new CountDownLatch(1);

        Integer run(Integer item) throws InterruptedException {
            peak.accumulate(gauge.incrementAndGet());
            try {
                gate.await();
                return item;
            } finally {
                gauge.decrementAndGet();
            }
        }
    }

    @ParameterizedTest(name = "cap {0}, {1} items")
    @CsvSource({"1, 5", "4, 100", "8, 3", "16, 16", "64, 1000"})
    void runsAtMostTheCapAtOnceAndReachesIt(int cap, int count) throws Exception {
        int expected = Math.min(cap, count);
        var tasks = new GatedTasks();
        var threadsForked = new AtomicInteger();
        ParallelScanner<Integer, Integer> scanner = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(cap)
                .threadName(item -> {
                    threadsForked.incrementAndGet();
                    return "scan-" + item;
                })
                .build();
        var report = new AtomicReference<ScanReport<Integer, Integer>>();
        Thread caller = Thread.ofPlatform().start(() -> report.set(scanner.scan(items(count), tasks::run)));

        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.gauge.get() == expected);
        // Held at the cap, no further task may enter, and no further thread may even exist: the
        // permit is taken before forking.
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                .until(() -> tasks.gauge.get() == expected);
        assertEquals(expected, threadsForked.get(), "threads forked while the cap is held");
        tasks.gate.countDown();
        assertTrue(caller.join(Duration.ofSeconds(20)));

        assertEquals(expected, tasks.peak.get(), "peak measured inside the tasks");
        assertEquals(expected, report.get().stats().peakConcurrency(), "peak the scanner counted");
        assertEquals(count, report.get().successes());
        assertEquals(0, report.get().stats().inFlight());
        assertEquals(ScanReport.StopReason.COMPLETED, report.get().stop());
    }

    @Test
    void neverHasMoreThreadsAliveThanTheCapOverManyItems() {
        // Forked minus finished, sampled each time a thread is about to be forked, bounds the
        // threads that exist: a scanner forking before taking the permit would reach 100,000.
        int cap = 8;
        int count = 100_000;
        var forked = new AtomicInteger();
        var finished = new AtomicInteger();
        var mostAlive = new LongAccumulator(Math::max, 0);
        ParallelScanner<Integer, Integer> scanner = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(cap)
                .threadName(item -> {
                    mostAlive.accumulate(forked.incrementAndGet() - finished.get());
                    return "scan-" + item;
                })
                .listener(new io.vscanpoc.core.ScanListener<Object, Object>() {
                    @Override
                    public void finished(ScanOutcome<Object, Object> outcome) {
                        finished.incrementAndGet();
                    }
                })
                .build();
        var report = scanner.scan(items(count), item -> item);
        assertEquals(count, report.successes());
        assertTrue(mostAlive.get() <= cap, "at most " + cap + " threads alive, saw " + mostAlive.get());
        assertEquals(count, forked.get());
    }

    @Test
    void neverHasMoreLiveThreadsThanTheCapCountingThreadsStillExiting() {
        // Counted from Thread.isAlive, so a thread past its task but not yet terminated counts too.
        // The name function runs on the calling thread just before each fork: at that moment, every
        // forked thread that has not recorded itself yet is alive, and each recorded one is checked.
        int cap = 4;
        int count = 3000;
        var recorded = new ConcurrentLinkedQueue<Thread>();
        var forked = new AtomicInteger();
        var mostAlive = new LongAccumulator(Math::max, 0);
        ParallelScanner<Integer, Integer> scanner = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(cap)
                .threadName(item -> {
                    List<Thread> snapshot = List.copyOf(recorded);
                    long alive = forked.get() - snapshot.size() + snapshot.stream().filter(Thread::isAlive).count();
                    mostAlive.accumulate(alive + 1);
                    forked.incrementAndGet();
                    return "scan-" + item;
                })
                .build();
        var report = scanner.scan(items(count), item -> {
            recorded.add(Thread.currentThread());
            Thread.yield();
            return item;
        });
        assertEquals(count, report.successes());
        assertTrue(mostAlive.get() <= cap, "at most " + cap + " live threads, saw " + mostAlive.get());
        assertTrue(recorded.stream().noneMatch(Thread::isAlive));
    }

    @Test
    void outcomesComeBackInInputOrderWhateverOrderTasksEndIn() {
        ParallelScanner<Integer, String> scanner =
                ParallelScanner.<Integer, String>builder().maxConcurrency(16).build();
        var report = scanner.scan(items(500), item -> {
            // Later items end sooner, so completion order is far from input order.
            for (int i = 0; i < (500 - item) % 7; i++) {
                Thread.yield();
            }
            return "v" + item;
        });
        for (int i = 0; i < 500; i++) {
            var outcome = (ScanOutcome.Success<Integer, String>) report.outcomes().get(i);
            assertEquals(i, outcome.index());
            assertEquals(i, outcome.item());
            assertEquals("v" + i, outcome.value());
        }
    }

    @Test
    void noTaskThreadOutlivesTheCall() {
        var threads = new ConcurrentLinkedQueue<Thread>();
        var ended = new AtomicInteger();
        ParallelScanner<Integer, Integer> scanner =
                ParallelScanner.<Integer, Integer>builder().maxConcurrency(32).build();
        var report = scanner.scan(items(2000), item -> {
            threads.add(Thread.currentThread());
            try {
                Thread.yield();
                return item;
            } finally {
                ended.incrementAndGet();
            }
        });
        assertEquals(2000, ended.get());
        assertEquals(2000, threads.size());
        assertTrue(threads.stream().allMatch(Thread::isVirtual));
        assertFalse(threads.stream().anyMatch(Thread::isAlive), "every task thread has terminated");
        assertEquals(2000, report.successes());
    }

    @Test
    void anEmptyListCompletesAtOnce() {
        var report = ParallelScanner.<Integer, Integer>builder().maxConcurrency(2).build()
                .scan(List.of(), item -> {
                    throw new AssertionError("no item");
                });
        assertTrue(report.outcomes().isEmpty());
        assertEquals(ScanReport.StopReason.COMPLETED, report.stop());
        assertEquals(0, report.stats().total());
    }

    @Test
    void theScannerIsReusableAndConcurrentCallsEachGetTheirOwnCap() throws Exception {
        var tasks = new GatedTasks();
        ParallelScanner<Integer, Integer> scanner =
                ParallelScanner.<Integer, Integer>builder().maxConcurrency(3).build();
        var reports = new ConcurrentLinkedQueue<ScanReport<Integer, Integer>>();
        Runnable scan = () -> reports.add(scanner.scan(items(10), tasks::run));
        Thread first = Thread.ofPlatform().start(scan);
        Thread second = Thread.ofPlatform().start(scan);
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.gauge.get() == 6);
        tasks.gate.countDown();
        assertTrue(first.join(Duration.ofSeconds(20)) && second.join(Duration.ofSeconds(20)));
        assertEquals(6, tasks.peak.get());
        for (var report : reports) {
            assertEquals(10, report.successes());
            assertEquals(3, report.stats().peakConcurrency());
        }
    }
}
