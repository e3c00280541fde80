package io.vscanpoc.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a {@link SqliteResultCache} is opened. Immutable; build one with {@link #builder()}. Every
 * setting has a default chosen for the PoC's load (tens of workers on a two-core machine); docs/cache.md
 * lists them with the reasons.
 *
 * @param directory where {@code cache.db} lives; created with mode 0700 when missing. No default.
 * @param poolSize connections in the HikariCP pool, at least 2: the writer thread holds one for the
 *     cache's lifetime and readers share the rest. Default 4 (three readers): a reader runs native
 *     SQLite code on its carrier, so more readers than carriers only adds contention, and a small
 *     fixed pool bounds how many virtual threads can be inside native code at once.
 * @param poolName HikariCP's pool name, which also names its threads and log lines. Default
 *     {@code vscan-cache}.
 * @param connectionTimeout longest a caller waits for a pooled connection before the operation fails.
 *     Default 30 s: the wait is Java-level (the virtual thread unmounts), so it costs no carrier, and
 *     a failure after it means something is stuck, not busy.
 * @param maxAge entries older than this are misses. Default 7 days, as the earlier scanner.
 * @param busyTimeout SQLite's own {@code busy_timeout}: how long SQLite retries a locked database
 *     inside native code before it returns {@code SQLITE_BUSY}. Default 200 ms: that wait pins the
 *     calling thread's carrier, so it is kept short; longer contention is retried in Java (see
 *     {@code busyRetryBudget}), where the wait does not pin and every occurrence is counted.
 * @param busyRetryBudget how long an operation keeps retrying in Java after {@code SQLITE_BUSY} or
 *     {@code SQLITE_LOCKED} before it fails. Default 10 s. Only another process holding the database
 *     can cause these, since this process serialises its own writes.
 * @param maxBatchSize most writes committed in one transaction. Default 64: writes queued while a
 *     commit runs are committed together, which is what makes many writers faster than one.
 * @param batchDelay how long the writer lingers for more writes before committing a batch. Default 0:
 *     only writes already queued are batched, so a lone write pays no delay. At most 1 s.
 * @param walAutocheckpointPages SQLite's {@code wal_autocheckpoint}: a passive checkpoint after a
 *     commit once the WAL holds this many pages. Default 1000 (about 4 MiB), SQLite's own default.
 * @param checkpointEveryWrites the writer runs {@code PRAGMA wal_checkpoint(TRUNCATE)} after this many
 *     write transactions, so the WAL file shrinks back to zero even when readers kept the passive
 *     checkpoints from finishing. Default 1000.
 * @param journalSizeLimit SQLite's {@code journal_size_limit} in bytes: the WAL is truncated to at most
 *     this after a checkpoint resets it. Default 16 MiB.
 * @param verifyOnOpen whether opening runs the full {@link SqliteResultCache#integrityCheck()}
 *     (SQLite's {@code integrity_check} plus the content check) and moves a failing file aside.
 *     Default true; for the PoC's few hundred rows it takes milliseconds. A file that is not a
 *     database at all is moved aside whatever this says.
 * @param moveDamagedAside what to do with a damaged file (not a database, or failing the check on
 *     open): true, the default, renames it to {@code cache.db.corrupt-<timestamp>} and starts an
 *     empty cache, so a scan can go on; false makes opening fail instead and leaves every file as it
 *     is, for tools that only inspect (such as {@code vscan-poc cache check}).
 * @param clock the source of "now" for {@code scanned_at}, staleness and the names of moved-aside
 *     files. Default the system clock; tests inject one.
 */
public record CacheConfig(
        Path directory,
        int poolSize,
        String poolName,
        Duration connectionTimeout,
        Duration maxAge,
        Duration busyTimeout,
        Duration busyRetryBudget,
        int maxBatchSize,
        Duration batchDelay,
        int walAutocheckpointPages,
        int checkpointEveryWrites,
        int journalSizeLimit,
        boolean verifyOnOpen,
        boolean moveDamagedAside,
        InstantSource clock) {

    /** The database file's name inside {@link #directory()}. */
    public static final String DB_FILE_NAME = "cache.db";

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public CacheConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(clock, "clock");
        if (directory.toAbsolutePath().toString().indexOf('?') >= 0) {
            // sqlite-jdbc reads everything after a '?' in the file name as connection options, so
            // such a path would open another file (with whatever options follow) than the one
            // created with mode 0600.
            throw new IllegalArgumentException("cache directory " + directory
                    + " contains '?', which SQLite's JDBC driver would read as connection options; choose another directory");
        }
        requireRange("poolSize", poolSize, 2, 64);
        requireRange("maxBatchSize", maxBatchSize, 1, 10_000);
        requireRange("walAutocheckpointPages", walAutocheckpointPages, 1, 1_000_000);
        requireRange("checkpointEveryWrites", checkpointEveryWrites, 1, 100_000_000);
        requireRange("journalSizeLimit", journalSizeLimit, 0, Integer.MAX_VALUE);
        requirePositive("maxAge", maxAge);
        requirePositive("connectionTimeout", connectionTimeout);
        requireNotNegative("busyTimeout", busyTimeout);
        requireNotNegative("busyRetryBudget", busyRetryBudget);
        requireNotNegative("batchDelay", batchDelay);
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
        if (busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout is too long");
        }
        if (batchDelay.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("batchDelay must be at most 1 s, was " + batchDelay);
        }
        if (poolName.isBlank()) {
            throw new IllegalArgumentException("poolName is blank");
        }
    }

    /** A builder with every default set; only {@link Builder#directory(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults for {@code directory}. */
    public static CacheConfig defaults(Path directory) {
        return builder().directory(directory).build();
    }

    /** {@code directory/cache.db}. */
    public Path databaseFile() {
        return directory.resolve(DB_FILE_NAME);
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .directory(directory)
                .poolSize(poolSize)
                .poolName(poolName)
                .connectionTimeout(connectionTimeout)
                .maxAge(maxAge)
                .busyTimeout(busyTimeout)
                .busyRetryBudget(busyRetryBudget)
                .maxBatchSize(maxBatchSize)
                .batchDelay(batchDelay)
                .walAutocheckpointPages(walAutocheckpointPages)
                .checkpointEveryWrites(checkpointEveryWrites)
                .journalSizeLimit(journalSizeLimit)
                .verifyOnOpen(verifyOnOpen)
                .moveDamagedAside(moveDamagedAside)
                .clock(clock);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (!value.isPositive()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    /** Collects settings for a {@link CacheConfig}; the record's components document each one and its default. */
    public static final class Builder {
        private Path directory;
        private int poolSize = 4;
        private String poolName = "vscan-cache";
        private Duration connectionTimeout = Duration.ofSeconds(30);
        private Duration maxAge = Duration.ofDays(7);
        private Duration busyTimeout = Duration.ofMillis(200);
        private Duration busyRetryBudget = Duration.ofSeconds(10);
        private int maxBatchSize = 64;
        private Duration batchDelay = Duration.ZERO;
        private int walAutocheckpointPages = 1000;
        private int checkpointEveryWrites = 1000;
        private int journalSizeLimit = 16 * 1024 * 1024;
        private boolean verifyOnOpen = true;
        private boolean moveDamagedAside = true;
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        public Builder directory(Path value) {
            this.directory = value;
            return this;
        }

        public Builder poolSize(int value) {
            this.poolSize = value;
            return this;
        }

        public Builder poolName(String value) {
            this.poolName = value;
            return this;
        }

        public Builder connectionTimeout(Duration value) {
            this.connectionTimeout = value;
            return this;
        }

        public Builder maxAge(Duration value) {
            this.maxAge = value;
            return this;
        }

        public Builder busyTimeout(Duration value) {
            this.busyTimeout = value;
            return this;
        }

        public Builder busyRetryBudget(Duration value) {
            this.busyRetryBudget = value;
            return this;
        }

        public Builder maxBatchSize(int value) {
            this.maxBatchSize = value;
            return this;
        }

        public Builder batchDelay(Duration value) {
            this.batchDelay = value;
            return this;
        }

        public Builder walAutocheckpointPages(int value) {
            this.walAutocheckpointPages = value;
            return this;
        }

        public Builder checkpointEveryWrites(int value) {
            this.checkpointEveryWrites = value;
            return this;
        }

        public Builder journalSizeLimit(int value) {
            this.journalSizeLimit = value;
            return this;
        }

        public Builder verifyOnOpen(boolean value) {
            this.verifyOnOpen = value;
            return this;
        }

        public Builder moveDamagedAside(boolean value) {
            this.moveDamagedAside = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if no directory was given
         */
        public CacheConfig build() {
            return new CacheConfig(
                    Objects.requireNonNull(directory, "directory is required"),
                    poolSize,
                    poolName,
                    connectionTimeout,
                    maxAge,
                    busyTimeout,
                    busyRetryBudget,
                    maxBatchSize,
                    batchDelay,
                    walAutocheckpointPages,
                    checkpointEveryWrites,
                    journalSizeLimit,
                    verifyOnOpen,
                    moveDamagedAside,
                    clock);
        }
    }
}
