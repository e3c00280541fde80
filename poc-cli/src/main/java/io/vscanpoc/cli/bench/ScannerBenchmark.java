package io.vscanpoc.cli.bench;

import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.scanner.ParallelScanner;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
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
 * smaller set; then, {@code repeats} times over, the timed scanner run, the zero-latency scanner
 * run (skipped and reused when the latency is zero) and the platform-thread run, each figure being
 * the median of its repeats so one run disturbed by another process on the machine does not decide
 * it; and last, after a {@code System.gc()}, the same scan again with the heap sampled.
 */
public final class ScannerBenchmark {

    /** Warm-up of the command. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(3);
    /** Timed runs per figure of the command. */
    public static final int DEFAULT_REPEATS = 3;

    static final int WARM_UP_ROUNDS = 50;
    static final int WARM_UP_MIN_ITEMS = 20_000;
    private static final Object RESULT = new Object();

    private final Duration warmUp;
    private final int repeats;

    /** A benchmark with the {@link #DEFAULT_WARM_UP} and {@link #DEFAULT_REPEATS}. */
    public ScannerBenchmark() {
        this(DEFAULT_WARM_UP, DEFAULT_REPEATS);
    }

    /**
     * @param warmUp how long to warm up at least; zero warms up with one pass
     * @param repeats timed runs per figure, at least 1
     */
    public ScannerBenchmark(Duration warmUp, int repeats) {
        if (warmUp.isNegative() || repeats < 1) {
            throw new IllegalArgumentException("warm-up must not be negative and repeats at least 1");
        }
        this.warmUp = warmUp;
        this.repeats = repeats;
    }

    /**
     * The figures and the runs they are the medians of.
     *
     * @param scannerRuns wall seconds of each timed scanner run
     * @param overheadRuns wall seconds of each zero-latency scanner run
     * @param platformRuns wall seconds of each platform-thread run; empty if none could run
     */
    public record Measurement(
            Result result, List<Double> scannerRuns, List<Double> overheadRuns, List<Double> platformRuns) {}

    /**
     * What one benchmark measured. The component names are the JSON keys.
     *
     * @param wallSeconds wall time of the scanner run (the median of the repeats)
     * @param idealSeconds {@code ceil(items / workers) x latencyMs / 1000}
     * @param efficiency {@code idealSeconds / wallSeconds}, or 1.0 when the latency is zero
     * @param peakConcurrency most tasks in flight at once in the scanner run, from its stats
     * @param overheadMicrosPerTask wall time per task, in microseconds, of a scanner run with the
     *     same items and workers and zero latency
     * @param peakHeapMb peak heap occupancy, garbage included, in MiB, during a run of the same scan
     *     that starts from a clean heap
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
    public Measurement run(int items, int workers, long latencyMs) throws InterruptedException {
        if (items < 1 || workers < 1 || latencyMs < 0) {
            throw new IllegalArgumentException("items and workers must be positive, latency not negative");
        }
        Duration latency = Duration.ofMillis(latencyMs);
        warmUp(items, workers, latency);

        // Timed runs start without a full GC: it would shrink the heap the warm-up has grown, and
        // the run would then pay for young collections a running scanner does not see.
        var scannerRuns = new ArrayList<Double>();
        var overheadRuns = new ArrayList<Double>();
        var platformRuns = new ArrayList<Double>();
        long peakConcurrency = 0;
        for (int run = 0; run < repeats; run++) {
            ScanReport<Integer, Object> report = scan(items, workers, latency);
            scannerRuns.add(seconds(report.wallTime()));
            peakConcurrency = Math.max(peakConcurrency, report.stats().peakConcurrency());
            if (latencyMs > 0) {
                overheadRuns.add(seconds(scan(items, workers, Duration.ZERO).wallTime()));
            }
            Double platform = platformThreads(items, workers, latency);
            if (platform != null) {
                platformRuns.add(platform);
            }
        }
        double wall = median(scannerRuns);
        double overheadWall = latencyMs > 0 ? median(overheadRuns) : wall;
        Double platformWall = platformRuns.isEmpty() ? null : median(platformRuns);
        long ceilBatches = (items + (long) workers - 1) / workers;
        double ideal = ceilBatches * latencyMs / 1000.0;
        double efficiency = latencyMs == 0 ? 1.0 : ideal / wall;

        // The heap is measured on a run of its own, from a clean heap, so garbage left by the runs
        // before is not counted.
        System.gc();
        long peakHeap;
        try (var heap = new HeapSampler()) {
            scan(items, workers, latency);
            peakHeap = heap.peakBytes();
        }
        var result = new Result(
                items,
                workers,
                latencyMs,
                wall,
                ideal,
                efficiency,
                peakConcurrency,
                overheadWall / items * 1e6,
                peakHeap / (1024.0 * 1024.0),
                platformWall);
        return new Measurement(result, List.copyOf(scannerRuns),
                latencyMs > 0 ? List.copyOf(overheadRuns) : List.copyOf(scannerRuns), List.copyOf(platformRuns));
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
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

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
