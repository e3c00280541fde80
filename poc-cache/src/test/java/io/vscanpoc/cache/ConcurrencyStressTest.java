package io.vscanpoc.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many more virtual threads than carriers (two on the target machine) and pooled connections use
 * one real cache file at once.
 */
class ConcurrencyStressTest {

    /** Ends the run if something stalls; a healthy run takes its duration plus a second or two. */
    private static final Duration STALL_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void twoHundredFiftySixVirtualThreadsMixingGetsAndPutsSurfaceNoErrorAndLeaveExactData() throws Exception {
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
            var run = new Workload(cache, 256, 0, Duration.ofSeconds(3)).run();

            assertEquals(List.of(), run.failures(), "failures surfaced to callers");
            assertEquals(0, run.wrongReads.sum(), "reads that returned another key's or a torn value");
            var stats = cache.stats();
            assertEquals(0, stats.errors());
            assertEquals(0, stats.sqliteBusyErrors());
            assertEquals(run.puts.sum(), stats.puts());
            assertEquals(run.gets.sum(), stats.gets());
            assertEquals(stats.gets(), stats.hits() + stats.misses());
            assertTrue(stats.writeTransactions() < stats.puts(), "concurrent puts were batched");
            assertTrue(run.puts.sum() > 1_000 && run.gets.sum() > 1_000, run.puts + " puts, " + run.gets + " gets");
                        run.assertStoredExactly(cache);
            IntegrityReport report = cache.integrityCheck();
            assertTrue(report.ok(), report.summary());
            assertEquals(run.lastAcknowledged.size(), report.rowsChecked());
        }
    }

    @Test
    void writersOutnumberingCarriersAndThePoolNeverPinAVirtualThreadOnTheDatabase() throws Exception {
        int poolSize = 4;
        int writers = 64;
        assertTrue(writers > Runtime.getRuntime().availableProcessors() && writers > poolSize);
        var pinned = new ConcurrentLinkedQueue<RecordedEvent>();
        try (var recording = new RecordingStream();
                var cache = SqliteResultCache.open(CacheConfig.builder().directory(dir).poolSize(poolSize).build())) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.onEvent("jdk.VirtualThreadPinned", pinned::add);
            recording.startAsync();

            var workload = new Workload(cache, 16, writers, Duration.ofSeconds(2));
            var sampler = new WriterSampler(workload);
            Thread samplerThread = Thread.ofPlatform().name("native-frame-sampler").start(sampler);
            var run = workload.run();
            sampler.stop.set(true);
            samplerThread.join();
            PinningControl.pinOnce();
            recording.stop();

            assertEquals(List.of(), run.failures());
            run.assertStoredExactly(cache);
            assertTrue(cache.integrityCheck().ok());
            assertEquals(0, cache.stats().sqliteBusyErrors());

            // The control pinned once, so the recording would have seen the database doing it.
            List<RecordedEvent> fromWorkload = pinned.stream()
                    .filter(event -> !String.valueOf(event.getStackTrace()).contains(PinningControl.class.getName()))
                    .toList();
            assertTrue(pinned.size() > fromWorkload.size(), "the control's pinning was recorded");
            assertEquals(List.of(), fromWorkload.stream().map(RecordedEvent::toString).toList());

            // Sampled while running: many more writers than carriers were waiting at the same
            // moment, and each was waiting parked in Java (its carrier free), not inside SQLite.
            int carriers = Runtime.getRuntime().availableProcessors();
            assertTrue(sampler.samples.get() > 20, "samples: " + sampler.samples);
            assertTrue(sampler.maxWaitingWriters.get() > carriers,
                    "most writers waiting at once: " + sampler.maxWaitingWriters + ", carriers: " + carriers);
            assertTrue(sampler.waitingWritersSeenParked.get() > 0, "waiting writers were seen parked");
            assertEquals(0, sampler.waitingWritersSeenInSqlite.get(), "a waiting writer seen inside SQLite");
        }
    }

    /**
     * Readers get random keys; writers put their own keys only (writer w owns keys {@code s.w<w>-k<n>}),
     * so the last value a writer had acknowledged for a key is what must be stored at the end.
     */
    static final class Workload {
        private static final int KEYS_PER_WRITER = 8;

        final SqliteResultCache cache;
        final int mixedThreads;
        final int writerThreads;
        final Duration duration;
        final LongAdder puts = new LongAdder();
        final LongAdder gets = new LongAdder();
        final LongAdder wrongReads = new LongAdder();
        final Map<ExtensionId, AnalysisResult> lastAcknowledged = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // Copy-on-write: the sampler iterates the writers while run() is still starting them.
        final List<Thread> writers = new CopyOnWriteArrayList<>();
        final List<Thread> readers = new ArrayList<>();
        private final int owners;

        Workload(SqliteResultCache cache, int mixedThreads, int writerThreads, Duration duration) {
            this.cache = cache;
            this.mixedThreads = mixedThreads;
            this.writerThreads = writerThreads;
            this.duration = duration;
            this.owners = mixedThreads + writerThreads;
        }

        Workload run() throws InterruptedException {
            var start = new CountDownLatch(1);
            var done = new CountDownLatch(owners);
            long deadline = System.nanoTime() + duration.toNanos();
            for (int t = 0; t < owners; t++) {
                int owner = t;
                boolean writeOnly = t >= mixedThreads;
                Thread thread = Thread.ofVirtual().name((writeOnly ? "writer-" : "mixed-") + t).unstarted(() -> {
                    try {
                        start.await();
                        work(owner, writeOnly, deadline);
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                });
                (writeOnly ? writers : readers).add(thread);
                thread.start();
            }
            start.countDown();
            assertTrue(done.await(duration.plus(STALL_BOUND).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                    "the run stalled: " + done.getCount() + " threads still running");
            return this;
        }

        private void work(int owner, boolean writeOnly, long deadline) throws Exception {
            var random = new SplittableRandom(owner);
            for (long seq = 0; System.nanoTime() < deadline; seq++) {
                if (writeOnly || random.nextBoolean()) {
                    var id = ExtensionId.parse("s.w" + owner + "-k" + random.nextInt(KEYS_PER_WRITER));
                    // The version names the key and the sequence, so a read can tell whose it is.
                    var result = TestReports.report(id, owner * 1_000_000L + seq, 600 + random.nextInt(3000));
                    cache.put(result);
                    lastAcknowledged.put(id, result);
                    puts.increment();
                } else {
                    int otherOwner = random.nextInt(owners);
                    var id = ExtensionId.parse("s.w" + otherOwner + "-k" + random.nextInt(KEYS_PER_WRITER));
                    Optional<AnalysisResult> got = cache.get(id);
                    gets.increment();
                    if (got.isPresent() && !belongsTo(got.get(), otherOwner)) {
                        wrongReads.increment();
                    }
                }
            }
        }

        private static boolean belongsTo(AnalysisResult result, int owner) {
            long seq = Long.parseLong(result.version().substring(2));
            return seq / 1_000_000L == owner && result.rawJson().contains("\"name\":\"" + result.id().name() + "\"");
        }

        List<String> failures() {
            return failures.stream().map(Throwable::toString).toList();
        }

        void assertStoredExactly(SqliteResultCache cache) throws Exception {
            assertEquals(lastAcknowledged.size(), cache.count(), "one row per key written");
            for (var entry : lastAcknowledged.entrySet()) {
                assertEquals(entry.getValue().rawJson(), cache.get(entry.getKey()).orElseThrow().rawJson(),
                        "the last acknowledged write of " + entry.getKey());
            }
        }
    }

    /** Samples how many writers wait for their turn, and the state and stack of each one waiting. */
    static final class WriterSampler implements Runnable {
        final Workload workload;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger samples = new AtomicInteger();
        final AtomicInteger maxWaitingWriters = new AtomicInteger();
        final AtomicInteger waitingWritersSeenParked = new AtomicInteger();
        final AtomicInteger waitingWritersSeenInSqlite = new AtomicInteger();

        WriterSampler(Workload workload) {
            this.workload = workload;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                samples.incrementAndGet();
                maxWaitingWriters.accumulateAndGet(workload.cache.waitingWriters(), Math::max);
                for (Thread writer : workload.writers) {
                    StackTraceElement[] stack = writer.getStackTrace();
                    if (!waitsForTheWriteLock(stack)) {
                        continue;
                    }
                    if (writer.getState() == Thread.State.WAITING) {
                        waitingWritersSeenParked.incrementAndGet();
                    }
                    if (inSqlite(stack)) {
                        waitingWritersSeenInSqlite.incrementAndGet();
                    }
                }
                Thread.onSpinWait();
            }
        }

        private static boolean waitsForTheWriteLock(StackTraceElement[] stack) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("io.vscanpoc.cache.internal.SerialWriter")
                        && frame.getMethodName().equals("awaitTurn")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inSqlite(StackTraceElement[] stack) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("org.sqlite.")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Pins a virtual thread on purpose: it parks inside a class initializer, which cannot unmount. */
    static final class PinningControl {
        static void pinOnce() throws InterruptedException {
            Thread.ofVirtual().start(() -> Holder.touch()).join();
        }

        private static final class Holder {
            static {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }

            static void touch() {}
        }
    }
}
