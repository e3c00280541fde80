package io.vscanpoc.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cli.hardening.BadInputCases;
import io.vscanpoc.cli.hardening.BadInputCases.BadInput;
import io.vscanpoc.cli.hardening.CatalogueWorkspace;
import io.vscanpoc.cli.hardening.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample of the bad-input catalogue through the shaded jar, as a user runs it: the real process
 * prints the same one line (escapes and all, whatever the locale), exits with the same code, and
 * writes and sends nothing. The whole catalogue runs in-process in {@code BadInputCatalogueTest}.
 */
class BadInputJarIT {

    /** One per kind of input, favouring those where a real process could differ: encoding, exit path. */
    private static final Set<String> SAMPLE = Set.of(
            "Extension IDs: a terminal escape sequence (shown escaped, so it cannot recolour the terminal)",
            "Extension IDs: a Unicode look-alike: Cyrillic s (U+0455)",
            "Flags: 10,000 workers",
            "Flags: an unknown flag",
            "Files: not UTF-8 (bytes FF FE on line 2)",
            "Files: unreadable (permission denied)",
            "Cache directory: is a file",
            "--api-url: plain http to a host that is not loopback");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    @RegisterExtension
    static final CatalogueWorkspace workspace = new CatalogueWorkspace();

    @TempDir
    Path dir;

    static Stream<BadInput> sample() {
        var cases = BadInputCases.all().stream().filter(c -> SAMPLE.contains(c.toString())).toList();
        assertEquals(SAMPLE.size(), cases.size(), "every sampled case is in the catalogue");
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sample")
    void theJarRefusesItExactlyAsInProcess(BadInput c) {
        workspace.assertRefused(c, dir, args -> {
            try {
                var result = PocJar.run(dir, TIMEOUT, args.toArray(String[]::new));
                return new CliRun(result.exitCode(), result.stdout(), result.stderr());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the jar", e);
            }
        });
    }

    @Test
    void aCorruptCacheDbIsMovedAsideAndTheRunGoesOn() throws Exception {
        Map<String, String> values = workspace.prepare(dir);
        Path cache = Files.createDirectories(dir.resolve("corrupt"));
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(cache.resolve("cache.db"), garbage);
        Path list = Files.writeString(dir.resolve("two.txt"), "ms-python.python\ngolang.go\n");

        var result = PocJar.run(dir, TIMEOUT, "--simulate", "--sim-profile", "ideal", "--no-warmup", "--time-scale", "0.005",
                "--workers", "1", "--cache-states", "empty", "--extensions", list.toString(), "--cache-dir", cache.toString(),
                "--report", dir.resolve("out/report.md").toString());

        assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result.stderr());
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result.stderr());
        String prefix = BadInputCases.fill(BadInputCases.CORRUPT_WARNING, values);
        prefix = prefix.substring(0, prefix.indexOf("<timestamp>"));
        assertTrue(lines.getFirst().startsWith(prefix), lines.getFirst());
        String name = lines.getFirst().substring(prefix.length() - "cache.db.corrupt-".length()).split(" ")[0];
        assertArrayEquals(garbage, Files.readAllBytes(cache.resolve(name)), "kept whole under " + name);
        assertTrue(Files.exists(dir.resolve("out/report.json")));
    }
}
