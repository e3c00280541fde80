package io.vscanpoc.cache;

import static io.vscanpoc.cache.TestReports.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.CacheException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesAndRecoveryTest {

    private static final String CORRUPT_NAME = "cache.db.corrupt-20260110T090000Z";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));

    private CacheConfig config(Path dir) {
        return CacheConfig.builder().directory(dir).clock(clock).build();
    }

    @Test
    void theDirectoryIsCreated0700AndTheFiles0600() throws Exception {
        Path dir = tmp.resolve("nested/cache");
        try (var cache = SqliteResultCache.open(config(dir))) {
            cache.put(report("a.b", 1));
            assertEquals("rwx------", mode(dir));
            for (String name : List.of("cache.db", "cache.db-wal", "cache.db-shm")) {
                assertTrue(Files.exists(dir.resolve(name)), name);
                assertEquals("rw-------", mode(dir.resolve(name)), name);
            }
        }
        // Reopening an existing file keeps it private too.
        try (var cache = SqliteResultCache.open(config(dir))) {
            cache.put(report("c.d", 1));
            assertEquals("rw-------", mode(dir.resolve("cache.db-wal")));
        }
    }

    @Test
    void aPathThatIsAFileGivesOneClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        var e = assertThrows(CacheException.class, () -> SqliteResultCache.open(config(file)));
        assertEquals("cache directory " + file + " is a file, not a directory", e.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedGivesOneClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path below = file.resolve("cache");
        var e = assertThrows(CacheException.class, () -> SqliteResultCache.open(config(below)));
        assertTrue(e.getMessage().startsWith("cannot create cache directory " + below + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnwritableDirectoryGivesOneClearError() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        Path unwritable = dir;
        if (Files.isWritable(dir) || canCreateIn(dir)) {
            // Running as root: a mode does not stop root, so use a directory no one may create files
            // in at all, whatever their privileges: sysfs.
            unwritable = Path.of("/sys");
        }
        Path target = unwritable;
        var e = assertThrows(CacheException.class, () -> SqliteResultCache.open(config(target)));
        assertTrue(e.getMessage().startsWith("cache directory " + target + " is not writable: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileOfRandomBytesIsMovedAsideWithItsWalAndAFreshCacheStarts() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("c"));
        byte[] garbage = randomBytes(8192, 1);
        byte[] garbageWal = randomBytes(3000, 2);
        Files.write(dir.resolve("cache.db"), garbage);
        Files.write(dir.resolve("cache.db-wal"), garbageWal);

        try (var cache = SqliteResultCache.open(config(dir))) {
            assertEquals(1, cache.warnings().size());
            String warning = cache.warnings().getFirst();
            assertTrue(warning.contains("was damaged"), warning);
            assertTrue(warning.contains("moved it to " + CORRUPT_NAME), warning);
            assertFalse(warning.contains("\n"));
            assertEquals(0, cache.count());
            cache.put(report("a.b", 1));
            assertTrue(cache.get(ExtensionId.parse("a.b")).isPresent());
        }
        assertArrayEquals(garbage, Files.readAllBytes(dir.resolve(CORRUPT_NAME)), "kept byte for byte");
        assertArrayEquals(garbageWal, Files.readAllBytes(dir.resolve(CORRUPT_NAME + "-wal")));
    }

    @Test
    void withMovingAsideOffADamagedFileFailsTheOpenAndIsLeftUntouched() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("c"));
        byte[] garbage = randomBytes(8192, 4);
        Files.write(dir.resolve("cache.db"), garbage);
        var config = config(dir).toBuilder().moveDamagedAside(false).build();

        var e = assertThrows(CacheException.class, () -> SqliteResultCache.open(config));
        assertTrue(e.getMessage().startsWith("cache file " + dir.resolve("cache.db") + " is damaged ("), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(dir.resolve("cache.db")));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void aTruncatedFileIsMovedAsideAndASecondDamageGetsItsOwnName() throws Exception {
        Path dir = tmp.resolve("c");
        try (var cache = SqliteResultCache.open(config(dir))) {
            for (int i = 0; i < 200; i++) {
                cache.put(TestReports.report(ExtensionId.parse("t.e" + i), i, 4096));
            }
        }
        Path db = dir.resolve("cache.db");
        long truncatedTo = Files.size(db) * 2 / 5;
        truncate(db, truncatedTo);

        try (var cache = SqliteResultCache.open(config(dir))) {
            assertEquals(1, cache.warnings().size(), String.valueOf(cache.warnings()));
            assertEquals(0, cache.count());
        }
        assertEquals(truncatedTo, Files.size(dir.resolve(CORRUPT_NAME)));

        // The same second again: the first moved file is not overwritten.
        Files.write(db, randomBytes(4096, 3));
        try (var cache = SqliteResultCache.open(config(dir))) {
            assertTrue(cache.warnings().getFirst().contains(CORRUPT_NAME + "-2"), cache.warnings().getFirst());
        }
        assertEquals(truncatedTo, Files.size(dir.resolve(CORRUPT_NAME)));
        assertTrue(Files.exists(dir.resolve(CORRUPT_NAME + "-2")));
    }

    @Test
    void aFileThatFailsTheContentCheckWhenOpenedIsMovedAside() throws Exception {
        Path dir = tmp.resolve("c");
        try (var cache = SqliteResultCache.open(config(dir))) {
            cache.put(report("a.b", 1));
            try (var connection = cache.pooledConnection(); var statement = connection.createStatement()) {
                statement.execute("UPDATE scan_results SET security_score = 100");
            }
        }
        // Without the check on open, the file is used as it is.
        try (var cache = SqliteResultCache.open(config(dir).toBuilder().verifyOnOpen(false).build())) {
            assertEquals(List.of(), cache.warnings());
            assertFalse(cache.integrityCheck().ok());
        }
        try (var cache = SqliteResultCache.open(config(dir))) {
            assertTrue(cache.warnings().getFirst().contains("security_score is 100"), cache.warnings().getFirst());
            assertEquals(0, cache.count());
        }
        assertTrue(Files.exists(dir.resolve(CORRUPT_NAME)));
    }

    @Test
    void aFileFromANewerSchemaIsRefusedAndLeftAlone() throws Exception {
        Path dir = tmp.resolve("c");
        try (var cache = SqliteResultCache.open(config(dir))) {
            try (var connection = cache.pooledConnection(); var statement = connection.createStatement()) {
                statement.execute("INSERT INTO schema_version(version, applied_at) VALUES (9, 0)");
            }
        }
        byte[] before = Files.readAllBytes(dir.resolve("cache.db"));
        var e = assertThrows(CacheException.class, () -> SqliteResultCache.open(config(dir)));
        assertTrue(e.getMessage().contains("schema version 9"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("cache.db")));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains("corrupt")));
        }
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
