package io.vscanpoc.cache.bench;

import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.MalformedResponseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Measures puts/s and gets/s of {@link SqliteResultCache} with a 4 KB report at 1 and 8 threads, and
 * the same for the earlier scanner's pattern (a connection per operation, rollback journal,
 * synchronous=FULL), then checks the targets: at least 20x the old pattern's puts/s and 10x its
 * gets/s, and 8 threads never slower than 1. The targets are judged on virtual threads, as the
 * scanner calls the cache; platform-thread figures are printed beside them. The old pattern runs
 * on platform threads.
 *
 * <p>Usage: {@code java -cp poc-cli.jar io.vscanpoc.cache.bench.CacheBenchmark [--seconds N]
 * [--dir DIR]}. The directory (default: a new one under the system temp directory, deleted
 * afterwards) should be on the disk the cache will live on, since the old pattern's cost is mostly
 * fsync. Exits 0 when every target is met, 1 otherwise.
 */
public final class CacheBenchmark {

    private static final int PAYLOAD_BYTES = 4096;
    private static final int KEYS = 2_000;
    private static final List<Integer> THREADS = List.of(1, 8);

    private final Duration measure;
    private final Duration warmUp;
    private final PrintStream out;
    private final List<AnalysisResult> payloads = new ArrayList<>();

    private CacheBenchmark(Duration measure, PrintStream out) {
        this.measure = measure;
        this.warmUp = measure.dividedBy(3);
        this.out = out;
        for (int i = 0; i < KEYS; i++) {
            payloads.add(BenchmarkReports.report(ExtensionId.parse("bench.ext" + i), i, PAYLOAD_BYTES));
        }
    }

    private static final String OLD = "connection-per-operation";

    /** The kind of thread an operation loop runs on. */
    private enum ThreadKind {
        PLATFORM,
        VIRTUAL;

        ThreadFactory factory() {
            return this == PLATFORM ? Thread.ofPlatform().factory() : Thread.ofVirtual().factory();
        }
    }

    private static String ours(ThreadKind kind) {
        return kind == ThreadKind.PLATFORM ? "SqliteResultCache" : "SqliteResultCache (virtual)";
    }

    /** One row of the results: operations per second of one store, operation and thread count. */
    record Result(String store, String operation, int threads, double opsPerSecond, long errors) {}

    /** What a benchmarked operation does with the i-th payload. */
    @FunctionalInterface
    private interface Operation {
        void run(AnalysisResult payload) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Duration seconds = Duration.ofSeconds(5);
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: CacheBenchmark [--seconds N] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("vscan-cache-bench") : Files.createDirectories(dir);
        try {
            boolean met = new CacheBenchmark(seconds, out).run(work);
            System.exit(met ? 0 : 1);
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private boolean run(Path work) throws Exception {
        out.printf(Locale.ROOT, "vscan-poc cache benchmark: %d-byte reports, %d keys, %s per case after %s warm-up, %d cores%n",
                payloads.getFirst().rawJson().length(), KEYS, measure, warmUp, Runtime.getRuntime().availableProcessors());
        out.println("directory: " + work.toAbsolutePath());
        var results = new ArrayList<Result>();
        var config = CacheConfig.builder().directory(work.resolve("pooled")).verifyOnOpen(false).build();
        try (var cache = SqliteResultCache.open(config)) {
            // Platform threads compare like with like (the old pattern runs on them, below) and are
            // preempted by the OS, so 8 threads really run 8 loops. Virtual threads, as the scanner
            // uses, are measured too; 8 busy virtual threads on 2 carriers run 2 at a time, since
            // a virtual thread that never blocks is never descheduled.
            for (var kind : ThreadKind.values()) {
                for (int threads : THREADS) {
                    results.add(measure(ours(kind), "put", threads, kind.factory(), cache::put));
                }
            }
            for (var payload : payloads) {
                cache.put(payload);
            }
            for (var kind : ThreadKind.values()) {
                for (int threads : THREADS) {
                    results.add(measure(ours(kind), "get", threads, kind.factory(), payload -> {
                        if (cache.get(payload.id()).isEmpty()) {
                            throw new IllegalStateException("miss for " + payload.id());
                        }
                    }));
                }
            }
            out.println("SqliteResultCache stats: " + cache.stats());
        }
        var old = new ConnectionPerOperationCache(Files.createDirectories(work.resolve("old")).resolve("cache.db"));
        // Platform threads for the old pattern: its busy waits happen inside native code, which
        // would pin virtual threads and make it look even worse than it is.
        for (int threads : THREADS) {
            results.add(measure(OLD, "put", threads, ThreadKind.PLATFORM.factory(),
                    payload -> old.put(payload, System.currentTimeMillis())));
        }
        for (var payload : payloads) {
            old.put(payload, System.currentTimeMillis());
        }
        for (int threads : THREADS) {
            results.add(measure(OLD, "get", threads, ThreadKind.PLATFORM.factory(), payload -> {
                if (old.get(payload.id()).isEmpty()) {
                    throw new IllegalStateException("miss for " + payload.id());
                }
            }));
        }
        return report(results);
    }

    private Result measure(String store, String operation, int threads, ThreadFactory factory, Operation op)
            throws InterruptedException {
        run(threads, factory, op, warmUp, new LongAdder(), new LongAdder());
        var done = new LongAdder();
        var errors = new LongAdder();
        long nanos = run(threads, factory, op, measure, done, errors);
        var result = new Result(store, operation, threads, done.sum() * 1e9 / nanos, errors.sum());
        out.printf(Locale.ROOT, "  %-28s %-4s %d thread(s): %,10.0f ops/s%s%n", store, operation, threads,
                result.opsPerSecond(), errors.sum() == 0 ? "" : "  (" + errors.sum() + " errors)");
        return result;
    }

    private long run(int threads, ThreadFactory factory, Operation op, Duration length, LongAdder done, LongAdder errors)
            throws InterruptedException {
        var start = new CountDownLatch(1);
        var finished = new CountDownLatch(threads);
        long[] begin = new long[1];
        for (int t = 0; t < threads; t++) {
            var random = new SplittableRandom(t);
            factory.newThread(() -> {
                try {
                    start.await();
                    long deadline = begin[0] + length.toNanos();
                    while (System.nanoTime() < deadline) {
                        try {
                            op.run(payloads.get(random.nextInt(payloads.size())));
                            done.increment();
                        } catch (Exception e) {
                            errors.increment();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            }).start();
        }
        begin[0] = System.nanoTime();
        start.countDown();
        finished.await();
        return System.nanoTime() - begin[0];
    }

    private boolean report(List<Result> results) {
        out.println();
        out.println("| store | operation | threads | ops/s |");
        out.println("|---|---|---|---|");
        for (var r : results) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %,.0f |%n", r.store(), r.operation(), r.threads(), r.opsPerSecond());
        }
        out.println();
        boolean met = true;
        for (String operation : List.of("put", "get")) {
            double target = operation.equals("put") ? 20 : 10;
            for (int threads : THREADS) {
                double ratio = find(results, ours(ThreadKind.VIRTUAL), operation, threads).opsPerSecond()
                        / find(results, OLD, operation, threads).opsPerSecond();
                boolean ok = ratio >= target;
                met &= ok;
                double platformRatio = find(results, ours(ThreadKind.PLATFORM), operation, threads).opsPerSecond()
                        / find(results, OLD, operation, threads).opsPerSecond();
                out.printf(Locale.ROOT, "%s %s/s at %d thread(s): %.1fx the old pattern (target >= %.0fx; on platform threads %.1fx)%n",
                        ok ? "PASS" : "FAIL", operation, threads, ratio, target, platformRatio);
            }
            double one = find(results, ours(ThreadKind.VIRTUAL), operation, 1).opsPerSecond();
            double eight = find(results, ours(ThreadKind.VIRTUAL), operation, 8).opsPerSecond();
            boolean ok = eight >= one;
            met &= ok;
            double platformScaling = find(results, ours(ThreadKind.PLATFORM), operation, 8).opsPerSecond()
                    / find(results, ours(ThreadKind.PLATFORM), operation, 1).opsPerSecond();
            out.printf(Locale.ROOT, "%s %s/s at 8 threads is %.2fx that at 1 (target >= 1x; on platform threads %.2fx)%n",
                    ok ? "PASS" : "FAIL", operation, eight / one, platformScaling);
        }
        long errors = results.stream().mapToLong(Result::errors).sum();
        if (errors > 0) {
            out.println("errors during the run: " + errors);
        }
        out.println(met ? "all targets met" : "TARGETS NOT MET");
        return met;
    }

    private static Result find(List<Result> results, String store, String operation, int threads) {
        return results.stream()
                .filter(r -> r.store().equals(store) && r.operation().equals(operation) && r.threads() == threads)
                .findFirst()
                .orElseThrow();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Reports shaped like vscan.dev's, padded to a size. */
    static final class BenchmarkReports {
        private static final String[] LEVELS = {"low", "medium", "high", "critical"};

        private BenchmarkReports() {}

        static AnalysisResult report(ExtensionId id, int seq, int bytes) {
            String head = """
                    {"extensionInfo":{"name":"%s","version":"1.%d.0"},\
                    "securityScore":{"score":%d,"riskLevel":"%s","notes":["%%PAD%%"]},\
                    "analysisModules":{"dependencies":{"vulnerabilities":{"summary":\
                    {"total":%d,"critical":0,"high":0,"moderate":0,"low":%d,"info":0}}}},\
                    "analysisTimestamp":"2025-10-01T12:00:00Z","hasErrors":false}"""
                    .formatted(id.name(), seq, seq % 101, LEVELS[seq % LEVELS.length], seq % 5, seq % 5);
            String json = head.replace("%PAD%", "x".repeat(Math.max(0, bytes - head.length() + 5)));
            try {
                return AnalysisResult.parse(id, json);
            } catch (MalformedResponseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
