package io.vscanpoc.cache;

import io.vscanpoc.core.ExtensionId;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer that {@link MultiProcessTest} kills: writes until killed, printing {@code ACK key seq}
 * for each write only after {@code put} returned. Arguments: cache directory, run number.
 *
 * <p>It stops by itself when nobody reads its output any more or after {@link #MAX_LIFETIME}, so a
 * test that failed before killing it cannot leave it filling the disk.
 */
public final class CrashingWriterProcess {

    static final int SHARED_KEYS_PER_WRITER = 4;
    static final int WRITERS = 4;
    static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    private CrashingWriterProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long run = Long.parseLong(args[1]);
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var next = new AtomicLong();
        long deadline = System.nanoTime() + MAX_LIFETIME.toNanos();
        var cache = SqliteResultCache.open(CacheConfig.builder().directory(dir).verifyOnOpen(false).build());
        out.println("READY");
        var threads = new Thread[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads[w] = Thread.ofVirtual().start(() -> {
                try {
                    while (!out.checkError() && System.nanoTime() < deadline) {
                        long seq = next.getAndIncrement();
                        // Alternate new keys with overwrites of a few keys only this writer uses, so
                        // each overwritten key's versions are committed in increasing order.
                        String key = seq % 2 == 0
                                ? "crash.r" + run + "-" + seq
                                : "crash.shared-w" + writer + "-" + (seq % SHARED_KEYS_PER_WRITER);
                        long version = run * 1_000_000L + seq;
                        cache.put(TestReports.report(ExtensionId.parse(key), version, 500 + (int) (seq % 3500)));
                        out.println("ACK " + key + " " + version);
                    }
                } catch (Exception e) {
                    out.println("FAILED " + e);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        cache.close();
    }
}
