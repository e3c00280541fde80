package io.vscanpoc.cli.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.beust.jcommander.JCommander;
import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void statsDescribesTheFile() throws Exception {
        fill(3);

        assertEquals(ExitCode.GO, run("cache", "stats", "--cache-dir", dir.toString()));
        String text = out();
        assertTrue(text.contains("cache: " + dir.resolve("cache.db")), text);
        assertTrue(text.contains("entries: 3 (3 fresh, 0 older than 7 days)"), text);
        assertTrue(text.contains("risk levels: low 1, medium 1, high 1"), text);
        assertTrue(text.contains("journal mode wal"), text);
    }

    @Test
    void checkPassesOnASoundCacheAndFailsWithExitThreeOnATamperedOne() throws Exception {
        fill(3);
        assertEquals(ExitCode.GO, run("cache", "check", "--cache-dir", dir.toString()));
        assertTrue(out().contains("check ok (3 rows checked)"), out());

        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
            cache.retainRandom(java.util.List.of(ExtensionId.parse("p.e0")), 1, 1);
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
                var statement = connection.createStatement()) {
            statement.execute("UPDATE scan_results SET security_score = 77");
        }
        out.reset();
        assertEquals(ExitCode.RUNTIME, run("cache", "check", "--cache-dir", dir.toString()));
        assertTrue(out().contains("check FAILED"), out());
        assertTrue(out().contains("row p.e0: security_score is 77 but the JSON says 0"), out());
    }

    @Test
    void checkReportsAFileThatIsNotADatabaseAndLeavesItWhereItIs() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("cache.db"), garbage);

        assertEquals(ExitCode.RUNTIME, run("cache", "check", "--cache-dir", dir.toString()));
        assertTrue(out().startsWith("check FAILED: cache file " + dir.resolve("cache.db") + " is damaged"), out());
        assertArrayEquals(garbage, Files.readAllBytes(dir.resolve("cache.db")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing was moved or created");
        }
        assertThrows(RuntimeFailure.class, () -> run("cache", "stats", "--cache-dir", dir.toString()));
    }

    @Test
    void clearEmptiesTheCache() throws Exception {
        fill(4);
        assertEquals(ExitCode.GO, run("cache", "clear", "--cache-dir", dir.toString()));
        assertTrue(out().contains("cleared 4 entries"), out());
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
            assertEquals(0, cache.count());
        }
    }

    @Test
    void aMissingCacheIsReportedNotCreated() throws Exception {
        Path missing = dir.resolve("nowhere");
        assertEquals(ExitCode.GO, run("cache", "check", "--cache-dir", missing.toString()));
        assertEquals("no cache at " + missing.resolve("cache.db") + "; nothing to check", out().strip());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void aBadOrMissingActionIsAUsageError() {
        var bad = assertThrows(UsageException.class, () -> run("cache", "purge"));
        assertEquals("cache: expected one action, stats, check or clear, got purge", bad.getMessage());
        assertThrows(UsageException.class, () -> run("cache"));
        assertThrows(UsageException.class, () -> run("cache", "stats", "check"));
    }

    @Test
    void theCacheDirectoryDefaultsToDotVscanPocInTheHomeDirectory() {
        assertEquals(Path.of(System.getProperty("user.home"), ".vscan-poc"), CacheCommand.DEFAULT_CACHE_DIR);
    }

    private int run(String... args) throws Exception {
        var command = new CacheCommand();
        JCommander.newBuilder().addCommand(command).build().parse(args);
        return command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void fill(int n) throws Exception {
        String[] levels = {"low", "medium", "high"};
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
            for (int i = 0; i < n; i++) {
                var id = ExtensionId.parse("p.e" + i);
                cache.put(AnalysisResult.parse(id, """
                        {"extensionInfo":{"name":"e%d","version":"1.%d"},
                         "securityScore":{"score":%d,"riskLevel":"%s"}}""".formatted(i, i, i * 10, levels[i % 3])));
            }
        }
    }
}
