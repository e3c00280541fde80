package io.vscanpoc.cache;

import io.vscanpoc.core.ExtensionId;
import java.nio.file.Path;

/**
 * The second process of {@link MultiProcessTest}: reads the cache another process is writing,
 * printing {@code COUNT n} whenever the count changes, checks what it reads, and ends with a full
 * integrity check. Arguments: cache directory, the count to wait for.
 */
public final class ReadingProcess {

    private ReadingProcess() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        try (var cache = SqliteResultCache.open(CacheConfig.builder().directory(dir).verifyOnOpen(false).build())) {
            System.out.println("READY");
            long last = -1;
            long reads = 0;
            // Bounded, so a test that failed before its writes cannot leave this process running.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (last < target && System.nanoTime() < deadline) {
                long count = cache.count();
                if (count != last) {
                    System.out.println("COUNT " + count);
                    last = count;
                }
                if (count > 0) {
                    // Every key up to the count is committed; get() verifies its checksum and parses it.
                    var id = ExtensionId.parse("mp.e" + (reads % count));
                    if (cache.get(id).isEmpty()) {
                        System.out.println("MISSING " + id);
                    }
                    reads++;
                }
            }
            System.out.println("READS " + reads);
            System.out.println("CHECK " + cache.integrityCheck().summary());
            System.out.println("BUSY " + cache.stats().sqliteBusyErrors());
        }
    }
}
