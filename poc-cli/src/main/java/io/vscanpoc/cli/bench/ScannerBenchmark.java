package io.vscanpoc.cli.bench;

import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.scanner.ParallelScanner;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures {@link ParallelScanner} on synthetic items whose task sleeps a fixed latency: wall time
 * against the ideal, peak concurrency and heap, per-task overhead (the same run with zero latency),
 * and the same work on a fixed pool of platform threads for comparison.
 *
 * <p>Runs in order: a warm-up, so the JIT has compiled the scanner's, the sleep's and the pool's
 * paths before anything is timed (without it the first runs of a fresh JVM are up to 10% slower):
 * scans of the same workers and latency over at most {@value #WARM_UP_ROUNDS} rounds of the cap,
 * repeated for the warm-up time, then the zero-latency scan and the platform pool once each on a
 * smaller set; the scanner run, with the heap sampled; the zero-latency scanner run (skipped and
 * reused when the latency is zero); the platform-thread run. Each measured run starts after a
 * {@code System.gc()}.
 */
public final class ScannerBenchmark {

    /** Warm-up of the command. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(3);

    static final int WARM_UP_ROUNDS = 50;
    static final int WARM_UP_MIN_ITEMS = 20_000;
    private static final Object RESULT = new Object();

    private final Duration warmUp;

    /** A benchmark with the {@link #DEFAULT_WARM_UP}. */
    public ScannerBenchmark() {
        this(DEFAULT_WARM_UP);
    }

    /** A benchmark that warms up for at least {@code warmUp}; zero warms up with one pass. */
    public ScannerBenchmark(Duration warmUp) {
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, got " + warmUp);
        }
        this.warmUp = warmUp;
    }

    /**
     * What one benchmark measured. The component names are the JSON keys.
     *
     * @param wallSeconds wall time of the scanner run
     * @param idealSeconds {@code ceil(items / workers) x latencyMs / 1000}
     * @param efficiency {@code idealSeconds / wallSeconds}, or 1.0 when the latency is zero
     * @param peakConcurrency most tasks in flight at once in the scanner run, from its stats
     * @param overheadMicrosPerTask wall time per task, in microseconds, of a scanner run with the
     *     same items and workers and zero latency
     * @param peakHeapMb peak heap occupancy during the scanner run, garbage included, in MiB
     * @param platformThreadsWallSeconds wall time of the same work on a fixed pool of {@code workers}
     *     platform threads; null if the JVM could not create that many
     */
    public record Result(
            int items,
            int workers,
            long latencyMs,
            double wallSeconds,
            double idealSeconds,
            double efficiency,
            long peakConcurrency,
            double overheadMicrosPerTask,
            double peakHeapMb,
            Double platformThreadsWallSeconds) {}

    /** Runs the benchmark; blocks for its whole duration. */
    public Result run(int items, int workers, long latencyMs) throws InterruptedException {
        if (items < 1 || workers < 1 || latencyMs < 0) {
            throw new IllegalArgumentException("items and workers must be positive, latency not negative");
        }
        Duration latency = Duration.ofMillis(latencyMs);
        warmUp(items, workers, latency);

        settle();
        ScanReport<Integer, Object> report;
        long peakHeap;
        try (var heap = new HeapSampler()) {
            report = scan(items, workers, latency);
            peakHeap = heap.peakBytes();
        }
        double wall = seconds(report.wallTime());
        long ceilBatches = (items + (long) workers - 1) / workers;
        double ideal = ceilBatches * latencyMs / 1000.0;
        double efficiency = latencyMs == 0 ? 1.0 : ideal / wall;

        double overheadWall = wall;
        if (latencyMs > 0) {
            settle();
            overheadWall = seconds(scan(items, workers, Duration.ZERO).wallTime());
        }
        settle();
        Double platformWall = platformThreads(items, workers, latency);
        return new Result(
                items,
                workers,
                latencyMs,
                wall,
                ideal,
                efficiency,
                report.stats().peakConcurrency(),
                overheadWall / items * 1e6,
                peakHeap / (1024.0 * 1024.0),
                platformWall);
    }

    private void warmUp(int items, int workers, Duration latency) throws InterruptedException {
        int shape = (int) Math.min(items, Math.max((long) workers * WARM_UP_ROUNDS, WARM_UP_MIN_ITEMS));
        long until = System.nanoTime() + warmUp.toNanos();
        do {
            scan(shape, workers, latency);
        } while (System.nanoTime() - until < 0);
        int small = Math.min(items, WARM_UP_MIN_ITEMS);
        if (latency.isPositive()) {
            scan(small, workers, Duration.ZERO);
        }
        platformThreads(small, workers, latency.isPositive() ? Duration.ofMillis(1) : Duration.ZERO);
    }

    private static ScanReport<Integer, Object> scan(int items, int workers, Duration latency) {
        ParallelScanner<Integer, Object> scanner =
                ParallelScanner.<Integer, Object>builder().maxConcurrency(workers).build();
        ScanReport<Integer, Object> report = scanner.scan(indices(items), item -> sleep(latency));
        if (report.stop() != ScanReport.StopReason.COMPLETED || report.successes() != items) {
            throw new IllegalStateException("benchmark scan did not complete: " + report.stop()
                    + ", " + report.successes() + " of " + items + " succeeded");
        }
        return report;
    }

    private static Object sleep(Duration latency) throws InterruptedException {
        if (latency.isPositive()) {
            Thread.sleep(latency);
        }
        return RESULT;
    }

    /** Wall seconds of the same tasks on a fixed pool; null when the threads cannot be created. */
    private static Double platformThreads(int items, int workers, Duration latency) throws InterruptedException {
        var done = new CountDownLatch(items);
        var failure = new AtomicReference<Throwable>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (int i = 0; i < items; i++) {
                pool.execute(() -> {
                    try {
                        sleep(latency);
                    } catch (InterruptedException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        } catch (OutOfMemoryError e) {
            // "unable to create native thread": more platform threads than the OS allows.
            return null;
        }
        if (failure.get() != null) {
            throw new IllegalStateException("platform-thread run was interrupted", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Items 0..n-1 without boxing them all up front. */
    private static List<Integer> indices(int n) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    private static void settle() {
        System.gc();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
